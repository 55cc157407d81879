import { Construct } from 'constructs';
import { LayerRole } from '../palette/layer-role';
import { ManifestLayer } from '../palette/manifest-layer';
import { ProfileVariable, VariableFormat } from '../palette/profile-variable';
import { GOLDEN_IMAGE_SOURCE_REGEX, GoldenImage } from './golden-image';
import { TEMPLATES_INSTALL_PRIORITY, TEMPLATES_LAYER_VERSION, UBUNTU_2204_IMAGE, WINDOWS_2022_IMAGE } from './ra-defaults';

export interface VmoGoldenImagesLayerProps {
  /** @default 'spectro-storage-class' */
  readonly storageClassName?: string;
  /** @default 'vmo-golden-images' */
  readonly namespace?: string;
  /** @default 50 (RA Templates export) */
  readonly ubuntu2204SizeGiB?: number;
  /** The Ubuntu image's CDI source. @default Spectro Cloud's Ubuntu 22.04 container disk (RA Templates export) */
  readonly ubuntu2204RegistryUrl?: string | ProfileVariable;
  /** @default 80 (RA Templates export) */
  readonly windows2022SizeGiB?: number;
  /**
   * The storage class of the Windows image; the Windows VM template clones it within that class.
   * @default storageClassName
   */
  readonly windows2022StorageClassName?: string;
  /**
   * The Windows Server 2022 image's CDI source, e.g. `docker://registry.example.com/vmo/windows-2022:20348.2700`.
   * @default windows2022ImageVariable(): a required profile variable without default, entered at deploy time (the RA names no source)
   */
  readonly windows2022RegistryUrl?: string | ProfileVariable;
  /** @default 40 (seed 002, "Install order 40") */
  readonly installPriority?: number;
}

/**
 * The Windows Server 2022 image source asked for at deploy time: the RA names no image a site
 * could use (see WINDOWS_2022_IMAGE), so there is no default to fall back to.
 */
export function windows2022ImageVariable(): ProfileVariable {
  return new ProfileVariable('windows2022Image', {
    displayName: 'Windows Server 2022 golden image',
    description: 'CDI source of your Windows Server 2022 container disk, with a version tag or digest, e.g. docker://registry.example.com/vmo/windows-2022:20348.2700',
    format: VariableFormat.STRING,
    regex: GOLDEN_IMAGE_SOURCE_REGEX,
    required: true,
  });
}

/**
 * The RA's `vmo-goldenimages` manifest layer (VMO-RA-Templates profile): `dv-ubuntu-2204` and
 * `dv-windows-2022`, the images the VM templates clone.
 */
export class VmoGoldenImagesLayer extends ManifestLayer {
  public readonly ubuntu2204: GoldenImage;
  public readonly windows2022: GoldenImage;

  constructor(scope: Construct, id: string, props: VmoGoldenImagesLayerProps = {}) {
    super(scope, id, {
      name: 'vmo-goldenimages',
      version: TEMPLATES_LAYER_VERSION,
      installPriority: props.installPriority ?? TEMPLATES_INSTALL_PRIORITY,
      role: LayerRole.TEMPLATES,
    });
    const common = { storageClassName: props.storageClassName, namespace: props.namespace };
    this.ubuntu2204 = new GoldenImage(this, UBUNTU_2204_IMAGE.manifestName, {
      ...common,
      dataVolumeName: UBUNTU_2204_IMAGE.dataVolumeName,
      registryUrl: props.ubuntu2204RegistryUrl ?? UBUNTU_2204_IMAGE.registryUrl,
      sizeGiB: props.ubuntu2204SizeGiB ?? UBUNTU_2204_IMAGE.sizeGiB,
    });
    this.windows2022 = new GoldenImage(this, WINDOWS_2022_IMAGE.manifestName, {
      ...common,
      storageClassName: props.windows2022StorageClassName ?? props.storageClassName,
      dataVolumeName: WINDOWS_2022_IMAGE.dataVolumeName,
      registryUrl: props.windows2022RegistryUrl ?? windows2022ImageVariable(),
      sizeGiB: props.windows2022SizeGiB ?? WINDOWS_2022_IMAGE.sizeGiB,
    });
  }
}
