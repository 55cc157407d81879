import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  VirtualMachineSpec,
  VirtualMachineSpecDataVolumeTemplatesSpecStorageResourcesRequests,
  VirtualMachineSpecTemplateSpecDomainMemoryGuest,
  VirtualMachineSpecTemplateSpecDomainResourcesRequests,
  toJson_VirtualMachineSpec,
} from '../../imports/kubevirt.io';
import { ValidationError } from '../common/errors';
import { ManifestChart } from '../palette/manifest-layer';
import { GoldenImageReference } from './golden-image';
import { checkDnsSubdomain, checkSizeGiB } from '../common/k8s-names';
import { DESCHEDULER_EVICT_ANNOTATION, VM_STORAGE_CLASS } from './ra-defaults';
import { VmGuestConfig } from './vm-guest-config';
import { VmRunStrategy } from './vm-run-strategy';

/** The `spectrocloud.com/v1` VmTemplate: a KubeVirt VirtualMachineSpec plus the VMO UI fields (crds.md). */
export interface VmTemplateSpec extends VirtualMachineSpec {
  readonly displayName?: string;
  readonly description?: string;
  readonly icon?: string;
}

export interface VmTemplateProps {
  /** The VmTemplate name; also the name of the VM's OS disk DataVolume. */
  readonly name: string;
  /** The name the VMO dashboard shows, e.g. 'Ubuntu 22.04'. */
  readonly displayName: string;
  /** @default the display name */
  readonly description?: string;
  /** An https URL of an image the dashboard shows. @default no icon */
  readonly icon?: string;
  /** The VirtualMachineClusterPreference the VMs use, e.g. 'generic-linux'. */
  readonly preferenceName: string;
  /** The golden image the OS disk is cloned from. */
  readonly goldenImage: GoldenImageReference;
  /** The OS disk size; at least the golden image's size. @default the golden image's size */
  readonly diskSizeGiB?: number;
  /** The storage class of the OS disk. @default 'spectro-storage-class' */
  readonly storageClassName?: string;
  /** @default 2 (the RA's templates) */
  readonly cpuCores?: number;
  /** @default 2 */
  readonly memoryGiB?: number;
  /** First-boot configuration, e.g. `VmGuestConfig.cloudInit({ password })`. */
  readonly guestConfig: VmGuestConfig;
  /** @default VmRunStrategy.ALWAYS (the RA's templates) */
  readonly runStrategy?: VmRunStrategy;
  /**
   * Whether the VMs carry `descheduler.alpha.kubernetes.io/evict: "true"` in `spec.template.metadata`
   * so the descheduler may live-migrate them (seed 002 and seed 001, VMO layer).
   * @default true
   */
  readonly evictableByDescheduler?: boolean;
}

/**
 * A VMO VM template whose OS disk is a clone of a golden image (seed 002, VMO-VMTemplates layer,
 * "A sample VmTemplate ... using a pre-imported golden image"). The disk bus, NIC model, firmware,
 * TPM and Hyper-V features are left to the VM preference, so the template does not override them.
 */
export class VmTemplate extends ManifestChart {
  public readonly templateName: string;
  public readonly diskSizeGiB: number;

  constructor(scope: Construct, id: string, props: VmTemplateProps) {
    super(scope, id);
    this.templateName = props.name;
    checkDnsSubdomain(this.templateName, 'VM template name', 'ubuntu-2204');
    checkDnsSubdomain(props.preferenceName, 'VM preference name', 'generic-linux');
    const storageClassName = props.storageClassName ?? VM_STORAGE_CLASS;
    checkDnsSubdomain(storageClassName, 'storage class name', VM_STORAGE_CLASS);
    this.diskSizeGiB = props.diskSizeGiB ?? props.goldenImage.sizeGiB;
    checkSizeGiB(this.diskSizeGiB, `OS disk of VM template '${this.templateName}'`);
    if (this.diskSizeGiB < props.goldenImage.sizeGiB) {
      throw new ValidationError(
        `OS disk of VM template '${this.templateName}' is ${this.diskSizeGiB} GiB, smaller than its golden image '${props.goldenImage.dataVolumeName}' (${props.goldenImage.sizeGiB} GiB): a clone cannot shrink, use at least ${props.goldenImage.sizeGiB} GiB`,
      );
    }
    const cpuCores = props.cpuCores ?? 2;
    if (!Number.isInteger(cpuCores) || cpuCores < 1) {
      throw new ValidationError(`CPU cores ${cpuCores} of VM template '${this.templateName}' is invalid: give a whole number, at least 1 (e.g. 2)`);
    }
    const memoryGiB = props.memoryGiB ?? 2;
    checkSizeGiB(memoryGiB, `memory of VM template '${this.templateName}'`);
    if (props.icon !== undefined && !/^https:\/\/\S+$/.test(props.icon)) {
      throw new ValidationError(`icon '${props.icon}' of VM template '${this.templateName}' is not an https URL: give e.g. 'https://example.com/logo.png'`);
    }

    const osDisk = this.templateName;
    // Disk and volume names as in the RA's templates.
    const guest = props.guestConfig.bind(this);
    const memory = `${memoryGiB}Gi`;
    const spec: VmTemplateSpec = {
      displayName: props.displayName,
      description: props.description ?? props.displayName,
      icon: props.icon,
      preference: { kind: 'VirtualMachineClusterPreference', name: props.preferenceName },
      runStrategy: (props.runStrategy ?? VmRunStrategy.ALWAYS).value,
      dataVolumeTemplates: [{
        metadata: { name: osDisk },
        spec: {
          source: { pvc: { name: props.goldenImage.dataVolumeName, namespace: props.goldenImage.namespace } },
          // Size and class only: the CDI StorageProfile sets RWX and the volume mode (rule STO-007).
          storage: {
            resources: { requests: { storage: VirtualMachineSpecDataVolumeTemplatesSpecStorageResourcesRequests.fromString(`${this.diskSizeGiB}Gi`) } },
            storageClassName,
          },
        },
      }],
      template: {
        metadata: (props.evictableByDescheduler ?? true) ? { annotations: { [DESCHEDULER_EVICT_ANNOTATION]: 'true' } } : undefined,
        spec: {
          domain: {
            cpu: { cores: cpuCores, sockets: 1, threads: 1 },
            memory: { guest: VirtualMachineSpecTemplateSpecDomainMemoryGuest.fromString(memory) },
            resources: { requests: { memory: VirtualMachineSpecTemplateSpecDomainResourcesRequests.fromString(memory) } },
            devices: {
              disks: [{ name: 'datavolume-os', disk: {}, bootOrder: 1 }, guest.disk],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          // The pod network; VLAN networks (NADs) are added per VM in the dashboard.
          networks: [{ name: 'default', pod: {} }],
          volumes: [{ name: 'datavolume-os', dataVolume: { name: osDisk } }, guest.volume],
        },
      },
    };

    new ApiObject(this, 'vm-template', {
      apiVersion: 'spectrocloud.com/v1',
      kind: 'VmTemplate',
      metadata: { name: this.templateName },
      spec: { displayName: spec.displayName, description: spec.description, icon: spec.icon, ...toJson_VirtualMachineSpec(spec) },
    });
  }
}
