import { ValidationError } from '../../../common/errors';
import { KubeadmFile, KubeadmPart, KubeadmPartOutput, validatePartOutput } from '../kubeadm-part';

export interface CustomPartProps {
  /** A short name for error messages. @default 'custom' */
  readonly name?: string;
  /** Ubuntu packages to install with the others. @default none */
  readonly packages?: readonly string[];
  /** @default none */
  readonly files?: readonly KubeadmFile[];
  /** @default none */
  readonly preKubeadmCommands?: readonly string[];
  /** @default none */
  readonly postKubeadmCommands?: readonly string[];
}

/**
 * Site-specific files and commands that the RA does not cover, as a part. In the pack its
 * pre-kubeadm commands run after the RA parts and before the final containerd/kubelet
 * restart; its post-kubeadm commands run after the udev reload.
 */
export class CustomPart implements KubeadmPart {
  public readonly name: string;
  private readonly output: KubeadmPartOutput;

  constructor(props: CustomPartProps) {
    this.name = props.name ?? 'custom';
    if (!/^[a-z0-9][a-z0-9-]*$/.test(this.name)) {
      throw new ValidationError(`part name '${this.name}' is invalid: use lowercase letters, digits and '-', e.g. 'site-ntp'`);
    }
    this.output = {
      packages: [...(props.packages ?? [])],
      files: [...(props.files ?? [])],
      preKubeadmCommands: [...(props.preKubeadmCommands ?? [])],
      postKubeadmCommands: [...(props.postKubeadmCommands ?? [])],
    };
    validatePartOutput(this.output, this.name);
  }

  public render(): KubeadmPartOutput {
    return this.output;
  }
}
