import { IConstruct } from 'constructs';
import {
  VirtualMachineSpecTemplateSpecDomainDevicesDisks,
  VirtualMachineSpecTemplateSpecVolumes,
} from '../../imports/kubevirt.io';
import { ProfileLayer } from '../palette/profile-layer';
import { ProfileVariable } from '../palette/profile-variable';
import { checkDnsSubdomain } from '../common/k8s-names';
import { VmPassword } from './vm-password';

/** The disk and volume a guest configuration adds to a VM. */
export interface VmGuestConfigBinding {
  readonly disk: VirtualMachineSpecTemplateSpecDomainDevicesDisks;
  readonly volume: VirtualMachineSpecTemplateSpecVolumes;
}

/** Options of `VmGuestConfig.cloudInit`. */
export interface CloudInitOptions {
  /** The sensitive profile variable with the default user's password. */
  readonly password: ProfileVariable;
}

/** Options of `VmGuestConfig.sysprep`. */
export interface SysprepOptions {
  /** The ConfigMap holding `unattend.xml`, in the VM's namespace. */
  readonly configMapName: string;
}

/** How a VM made from a template configures its guest OS on first boot. */
export abstract class VmGuestConfig {
  /**
   * A cloud-init NoCloud disk (Linux): password login for the default user and the QEMU guest agent,
   * which the VMO dashboard uses to show the VM's addresses.
   */
  public static cloudInit(options: CloudInitOptions): VmGuestConfig {
    VmPassword.check(options.password, 'cloud-init password');
    return new CloudInitConfig(options.password);
  }

  /** A sysprep CD-ROM (Windows) with the `unattend.xml` of a ConfigMap. */
  public static sysprep(options: SysprepOptions): VmGuestConfig {
    checkDnsSubdomain(options.configMapName, 'sysprep ConfigMap name', 'win-unattend-xml');
    return new SysprepConfigMapConfig(options.configMapName);
  }

  /** The disk and volume for a VM template inside `scope` (which must be inside a profile layer). */
  public abstract bind(scope: IConstruct): VmGuestConfigBinding;
}

class CloudInitConfig extends VmGuestConfig {
  constructor(private readonly password: ProfileVariable) {
    super();
  }

  public bind(scope: IConstruct): VmGuestConfigBinding {
    const password = ProfileLayer.of(scope).useVariable(this.password);
    const userData = [
      '#cloud-config',
      'ssh_pwauth: true',
      `password: '${password}'`,
      'chpasswd:',
      '  expire: false',
      'packages:',
      '  - qemu-guest-agent',
      'runcmd:',
      '  - systemctl enable --now qemu-guest-agent',
      '',
    ].join('\n');
    // No bus: the VM preference chooses it.
    return {
      disk: { name: 'cloudinitdisk', disk: {} },
      volume: { name: 'cloudinitdisk', cloudInitNoCloud: { userData } },
    };
  }
}

class SysprepConfigMapConfig extends VmGuestConfig {
  constructor(private readonly configMapName: string) {
    super();
  }

  public bind(_scope: IConstruct): VmGuestConfigBinding {
    return {
      // KubeVirt serves sysprep as a CD-ROM, which cannot sit on a virtio bus.
      disk: { name: 'sysprepconfig', cdrom: { bus: 'sata' } },
      volume: { name: 'sysprepconfig', sysprep: { configMap: { name: this.configMapName } } },
    };
  }
}
