import { Construct } from 'constructs';
import { DataVolume, DataVolumeSpecStorageResourcesRequests } from '../../imports/cdi.kubevirt.io';
import { ValidationError } from '../common/errors';
import { ManifestChart } from '../palette/manifest-layer';
import { ProfileLayer } from '../palette/profile-layer';
import { ProfileVariable } from '../palette/profile-variable';
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
  /**
   * A CDI registry source: `docker://<image>:<tag>` or `docker://<image>@sha256:<digest>` (a
   * container disk) or `oci-archive://<file>`; or a profile variable entered at deploy time.
   * A golden image is imported once per cluster, so a mutable `:latest` (or no tag) is refused.
   */
  readonly registryUrl: string | ProfileVariable;
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
  /** The source as written: the URL, or the variable's reference. */
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
    if (props.registryUrl instanceof ProfileVariable) {
      this.registryUrl = ProfileLayer.of(this).useVariable(props.registryUrl);
    } else {
      this.registryUrl = props.registryUrl;
      checkRegistryUrl(this.registryUrl, this.dataVolumeName);
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

/** The form a golden image variable's value must have (a CDI registry URL with a tag or digest). */
export const GOLDEN_IMAGE_SOURCE_REGEX = '^(docker://\\S+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})|oci-archive://\\S+)$';

/** Checks a literal CDI registry URL: its form, and a pinned tag or digest for `docker://` images. */
function checkRegistryUrl(url: string, image: string): void {
  if (!/^(docker|oci-archive):\/\/\S+$/.test(url)) {
    throw new ValidationError(`golden image source '${url}' is not a CDI registry URL: use 'docker://<registry>/<image>:<tag>' or 'oci-archive://<path>'`);
  }
  if (!url.startsWith('docker://')) return;
  const reference = url.slice('docker://'.length);
  if (/@sha256:[0-9a-f]{64}$/.test(reference)) return;
  // The tag is after the last ':' of the last path segment (a registry port comes before a '/').
  const last = reference.slice(reference.lastIndexOf('/') + 1);
  const tag = last.includes(':') ? last.slice(last.lastIndexOf(':') + 1) : undefined;
  if (tag === undefined || tag === 'latest') {
    throw new ValidationError(
      `golden image '${image}' source '${url}' ${tag === undefined ? 'has no tag, so it means :latest' : "uses the mutable tag ':latest'"}: ` +
        `a golden image is imported once per cluster, so pin a version tag or a digest (e.g. 'docker://registry.example.com/vmo/windows-2022:20348.2700' or '...@sha256:<digest>')`,
    );
  }
}
