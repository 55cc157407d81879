import { Construct } from 'constructs';
import { DataVolume, DataVolumeSpecStorageResourcesRequests } from '../../imports/cdi.kubevirt.io';
import { ValidationError } from '../common/errors';
import { ManifestChart } from '../palette/manifest-layer';
import { checkDnsLabel, checkDnsSubdomain, checkSizeGiB } from '../common/k8s-names';
import { GOLDEN_IMAGES_NAMESPACE, VM_STORAGE_CLASS } from './ra-defaults';

/** What a VM template needs to know to clone a golden image. */
export interface GoldenImageReference {
  /** The DataVolume name, which is also the name of its PVC. */
  readonly dataVolumeName: string;
  readonly namespace: string;
  readonly sizeGiB: number;
}

export interface GoldenImageProps {
  /** The DataVolume (and PVC) name the VM templates clone, e.g. 'template-ubuntu-2204'. */
  readonly dataVolumeName: string;
  /** A CDI registry source: `docker://<image>` (a container disk) or `oci-archive://<file>`. */
  readonly registryUrl: string;
  /** The disk size; VM disks cloned from the image must be at least this large. */
  readonly sizeGiB: number;
  /** @default 'spectro-storage-class' */
  readonly storageClassName?: string;
  /** @default 'vmo-golden-images' (the VMO pack's `goldenImagesNamespace`) */
  readonly namespace?: string;
}

/**
 * A golden image: a DataVolume that CDI imports once and VM templates clone (seed 002,
 * VMO-GoldenImages layer). Its storage names only the size and class, so the CDI StorageProfile
 * picks RWX and the volume mode the driver supports (rule STO-007).
 */
export class GoldenImage extends ManifestChart implements GoldenImageReference {
  public readonly dataVolumeName: string;
  public readonly namespace: string;
  public readonly sizeGiB: number;
  public readonly storageClassName: string;
  public readonly registryUrl: string;

  constructor(scope: Construct, id: string, props: GoldenImageProps) {
    super(scope, id);
    this.dataVolumeName = props.dataVolumeName;
    checkDnsSubdomain(this.dataVolumeName, 'golden image DataVolume name', 'template-ubuntu-2204');
    this.namespace = props.namespace ?? GOLDEN_IMAGES_NAMESPACE;
    checkDnsLabel(this.namespace, 'golden image namespace', GOLDEN_IMAGES_NAMESPACE);
    this.sizeGiB = props.sizeGiB;
    checkSizeGiB(this.sizeGiB, `size of golden image '${this.dataVolumeName}'`);
    this.storageClassName = props.storageClassName ?? VM_STORAGE_CLASS;
    checkDnsSubdomain(this.storageClassName, 'storage class name', VM_STORAGE_CLASS);
    this.registryUrl = props.registryUrl;
    if (!/^(docker|oci-archive):\/\/\S+$/.test(this.registryUrl)) {
      throw new ValidationError(
        `golden image source '${this.registryUrl}' is not a CDI registry URL: use 'docker://<registry>/<image>:<tag>' or 'oci-archive://<path>'`,
      );
    }

    new DataVolume(this, 'data-volume', {
      metadata: {
        name: this.dataVolumeName,
        namespace: this.namespace,
        annotations: {
          // Keep the DataVolume after the import: the VMO UI lists golden images by their DataVolume,
          // and a GitOps sync would otherwise re-create it and import again.
          'cdi.kubevirt.io/storage.deleteAfterCompletion': 'false',
          // Import now: the VM storage class binds on first consumer, and a golden image has none.
          'cdi.kubevirt.io/storage.bind.immediate.requested': 'true',
        },
      },
      spec: {
        source: { registry: { url: this.registryUrl } },
        storage: {
          resources: { requests: { storage: DataVolumeSpecStorageResourcesRequests.fromString(`${this.sizeGiB}Gi`) } },
          storageClassName: this.storageClassName,
        },
      },
    });
  }
}
