import { ValidationError } from '../../../common/errors';
import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

/** Where the part lists the kernel modules systemd-modules-load loads at every boot. */
export const CSI_MODULES_FILE = '/etc/modules-load.d/csi.conf';

export interface CsiNodePartProps {
  /** Ubuntu packages the CSI driver needs on every node, e.g. `open-iscsi`. @default none */
  readonly packages?: readonly string[];
  /** systemd services to enable and start, e.g. `iscsid`. @default none */
  readonly services?: readonly string[];
  /** Kernel modules to load now and at every boot, e.g. `iscsi_tcp`. @default none */
  readonly kernelModules?: readonly string[];
}

const UNIT = /^[A-Za-z0-9][A-Za-z0-9@._-]*$/;
const MODULE = /^[A-Za-z0-9_-]+$/;

/**
 * What a CSI driver needs on the nodes beside the RA's parts: its packages (installed in the
 * layer's one apt transaction), its services enabled and started, and its kernel modules loaded
 * now and listed for every boot. Longhorn's own installer does the same on Debian
 * ("apt-get install open-iscsi && systemctl enable iscsid && systemctl start iscsid && modprobe
 * iscsi_tcp", longhorn/longhorn deploy/prerequisite/longhorn-iscsi-installation.yaml).
 */
export class CsiNodePart implements KubeadmPart {
  public readonly name = 'csi-node';
  public readonly packages: readonly string[];
  public readonly services: readonly string[];
  public readonly kernelModules: readonly string[];

  constructor(props: CsiNodePartProps = {}) {
    this.packages = [...(props.packages ?? [])];
    this.services = [...(props.services ?? [])];
    this.kernelModules = [...(props.kernelModules ?? [])];
    for (const s of this.services) {
      if (!UNIT.test(s)) throw new ValidationError(`service '${s}' of part 'csi-node' is not a systemd unit name: use e.g. 'iscsid'`);
    }
    for (const m of this.kernelModules) {
      if (!MODULE.test(m)) throw new ValidationError(`kernel module '${m}' of part 'csi-node' is not a module name: use e.g. 'iscsi_tcp'`);
    }
  }

  public render(): KubeadmPartOutput {
    const modules = this.kernelModules;
    return {
      ...(this.packages.length ? { packages: this.packages } : {}),
      ...(modules.length
        ? { files: [{ targetPath: CSI_MODULES_FILE, targetOwner: DEFAULT_FILE_OWNER, targetPermissions: DEFAULT_FILE_PERMISSIONS, content: `${modules.join('\n')}\n` }] }
        : {}),
      preKubeadmCommands: [...this.services.map((s) => `systemctl enable --now ${s}`), ...modules.map((m) => `modprobe ${m}`)],
    };
  }
}
