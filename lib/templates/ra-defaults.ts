/**
 * Values of the RA's VMO-RA-Templates profile shared by several layers. Seed 002 (RA rev 1.7)
 * lists the five manifest layers and their manifests; the values below come from the seed or
 * from the RA Templates export where the seeds give none (noted per value).
 */

/** "Install order 40" for each of the five Templates layers (seed 002, VMO-Storage ... VMO-VMTemplates). */
export const TEMPLATES_INSTALL_PRIORITY = 40;

/** Manifest layers carry their own version; the RA Templates export has 1.0.0 for all five. */
export const TEMPLATES_LAYER_VERSION = '1.0.0';

/**
 * The Portworx storage class VMs use (seed 001 Portworx values `storageClass.name`); rev 1.7 keeps the
 * class and marks it as the default class for VMs.
 */
export const VM_STORAGE_CLASS = 'spectro-storage-class';

/** The VMO pack's `goldenImagesNamespace` (pack-values.md §9), where the golden DataVolumes live. */
export const GOLDEN_IMAGES_NAMESPACE = 'vmo-golden-images';

/** The VMO pack's `vmEnabledNamespaces` in the RA (seed 001 VMO values). */
export const VM_NAMESPACES: readonly string[] = ['default', 'virtual-machines'];

/**
 * "In order for the Descheduler to be able to live migrate VMs, the following annotation must be set
 * on each VM resource" (seed 002, VMO layer).
 */
export const DESCHEDULER_EVICT_ANNOTATION = 'descheduler.alpha.kubernetes.io/evict';

/** The bridge VMs attach to: "Ensure that line 12 matches ... (should be "br0")" (seed 002, VMO-Networking). */
export const VM_BRIDGE = 'br0';

/** One golden image of the RA: the DataVolume the VM templates clone. */
export interface RaGoldenImage {
  /** The manifest (chart) name in the vmo-goldenimages layer. */
  readonly manifestName: string;
  /** The DataVolume (and so the PVC) name. */
  readonly dataVolumeName: string;
  /** The CDI registry source; undefined when the RA names none a site could rely on. */
  readonly registryUrl?: string;
  readonly sizeGiB: number;
}

/**
 * Ubuntu 22.04 golden image. The seeds name the manifest (`dv-ubuntu-2204`, seed 002:1131) but
 * not its source; the source, PVC name and size are those of the RA Templates export: Spectro
 * Cloud's own VM dashboard container disk in its public image registry, tag 22.04.
 */
export const UBUNTU_2204_IMAGE: RaGoldenImage & { readonly registryUrl: string } = {
  manifestName: 'dv-ubuntu-2204',
  dataVolumeName: 'template-ubuntu-2204',
  registryUrl: 'docker://gcr.io/spectro-images-public/release/vm-dashboard/os/ubuntu-container-disk:22.04',
  sizeGiB: 50,
};

/**
 * Windows Server 2022 (Evaluation Edition) golden image (seed 002:1132 `dv-windows-2022`); PVC
 * name and size from the RA Templates export. No source: the seeds name none, and the export's
 * is a personal Docker Hub repository with the mutable tag `:latest`. A site gives its own
 * image, or Palette asks for it at deploy time (a required profile variable).
 */
export const WINDOWS_2022_IMAGE: RaGoldenImage = {
  manifestName: 'dv-windows-2022',
  dataVolumeName: 'template-windows-2022',
  sizeGiB: 80,
};

/** The RA's VM preference names (`vmcp-generic-linux` / `vmcp-generic-windows` create these). */
export const LINUX_PREFERENCE_NAME = 'generic-linux';
export const WINDOWS_PREFERENCE_NAME = 'generic-windows';

/** The sysprep ConfigMap the Windows template mounts (RA Templates export, `cm-unattend-xml`). */
export const UNATTEND_CONFIG_MAP_NAME = 'win-unattend-xml';
