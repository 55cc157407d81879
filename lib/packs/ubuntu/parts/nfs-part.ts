import { ValidationError } from '../../../common/errors';
import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

/** The mountd port of the RA's nfs.conf (rev 1.2). */
export const RA_MOUNTD_PORT = 9024;

export interface NfsPartProps {
  /** The fixed TCP/UDP port of rpc.mountd. @default 9024 (the RA's) */
  readonly mountdPort?: number;
  /**
   * Install the NFS client (`nfs-common`). Portworx serves RWX (sharedv4) volumes over NFS,
   * so every node that mounts them needs the client.
   * @default true
   */
  readonly installClient?: boolean;
}

/**
 * NFS settings for Portworx RWX volumes: /etc/nfs.conf with mountd on a fixed port (RA rev
 * 1.2: "Fix the TCP port used by mountd in order to be compatible with NFSv3"), and the NFS
 * client package. The file content is the RA rev 1.2 nfs.conf.
 */
export class NfsPart implements KubeadmPart {
  public readonly name = 'nfs';
  public readonly mountdPort: number;
  public readonly installClient: boolean;

  constructor(props: NfsPartProps = {}) {
    this.mountdPort = props.mountdPort ?? RA_MOUNTD_PORT;
    this.installClient = props.installClient ?? true;
    if (!Number.isInteger(this.mountdPort) || this.mountdPort < 1 || this.mountdPort > 65535) {
      throw new ValidationError(`mountd port ${this.mountdPort} is invalid: use a whole number from 1 to 65535 (the RA uses ${RA_MOUNTD_PORT})`);
    }
  }

  public render(): KubeadmPartOutput {
    const sections = ['general', 'exports', 'exportfs', 'gssd', 'lockd', 'mountd', 'fsdclld', 'fsdcltrack', 'nfsd', 'statd', 'sm-notify', 'svcgssd'];
    const body: Record<string, string[]> = {
      general: ['pipefs-directory=/run/rpc_pipefs'],
      mountd: ['manage-gids=y', `port=${this.mountdPort}`],
    };
    const content = sections.map((s) => [`[${s}]`, ...(body[s] ?? []), '#'].join('\n')).join('\n') + '\n';
    return {
      ...(this.installClient ? { packages: ['nfs-common'] } : {}),
      files: [{ targetPath: '/etc/nfs.conf', targetOwner: DEFAULT_FILE_OWNER, targetPermissions: DEFAULT_FILE_PERMISSIONS, content }],
    };
  }
}
