import { ValidationError } from '../../../common/errors';
import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

/** The pause image of the RA's containerd configuration (rev 1.2). */
export const RA_SANDBOX_IMAGE = 'registry.k8s.io/pause:3.9';

export interface ContainerdConfigPartProps {
  /** The CRI sandbox (pause) image. @default 'registry.k8s.io/pause:3.9' (the RA's) */
  readonly sandboxImage?: string;
}

/**
 * Writes /etc/containerd/config.toml (RA rev 1.7, Ubuntu layer: "Configure containerd to
 * include the device_ownership_from_security_context = true setting, which is required to
 * properly handle block devices in Kubevirt"). Content as in the RA rev 1.2 file, with the
 * systemd cgroup driver that kubeadm configures kubelet for. containerd picks it up when the
 * restart part restarts it.
 */
export class ContainerdConfigPart implements KubeadmPart {
  public readonly name = 'containerd-config';
  public readonly sandboxImage: string;

  constructor(props: ContainerdConfigPartProps = {}) {
    this.sandboxImage = props.sandboxImage ?? RA_SANDBOX_IMAGE;
    if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(this.sandboxImage) || !/[:@]/.test(this.sandboxImage)) {
      throw new ValidationError(
        `containerd sandbox image '${this.sandboxImage}' is invalid: write an image reference with a tag or digest, e.g. '${RA_SANDBOX_IMAGE}'`,
      );
    }
  }

  public render(): KubeadmPartOutput {
    const content = [
      '## template: jinja',
      '',
      '# Use config version 2 to enable new configuration fields.',
      '# Config file is parsed as version 1 by default.',
      'version = 2',
      '',
      'imports = ["/etc/containerd/conf.d/*.toml"]',
      '',
      '[plugins]',
      '  [plugins."io.containerd.grpc.v1.cri"]',
      `    sandbox_image = "${this.sandboxImage}"`,
      '    # KubeVirt needs this to hand block devices to VMs (RA rev 1.7).',
      '    device_ownership_from_security_context = true',
      '  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]',
      '    runtime_type = "io.containerd.runc.v2"',
      '  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]',
      '    SystemdCgroup = true',
      '',
    ].join('\n');
    return {
      files: [{ targetPath: '/etc/containerd/config.toml', targetOwner: DEFAULT_FILE_OWNER, targetPermissions: DEFAULT_FILE_PERMISSIONS, content }],
    };
  }
}
