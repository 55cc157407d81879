import { Construct } from 'constructs';
import { LayerRole } from '../palette/layer-role';
import { ManifestLayer } from '../palette/manifest-layer';
import { ProfileVariable } from '../palette/profile-variable';
import { GoldenImageReference } from './golden-image';
import {
  GOLDEN_IMAGES_NAMESPACE, LINUX_PREFERENCE_NAME, TEMPLATES_INSTALL_PRIORITY, TEMPLATES_LAYER_VERSION, UBUNTU_2204_IMAGE,
  WINDOWS_2022_IMAGE, WINDOWS_PREFERENCE_NAME,
} from './ra-defaults';
import { VmGuestConfig } from './vm-guest-config';
import { VmPassword } from './vm-password';
import { VmTemplate } from './vm-template';
import { WindowsSysprepConfig } from './windows-sysprep-config';

export interface VmoTemplatesLayerProps {
  /**
   * The Ubuntu golden image, e.g. `goldenImagesLayer.ubuntu2204`.
   * @default the RA's: 'template-ubuntu-2204' in 'vmo-golden-images', 50 GiB
   */
  readonly ubuntu2204Image?: GoldenImageReference;
  /**
   * The Windows golden image, e.g. `goldenImagesLayer.windows2022`.
   * @default the RA's: 'template-windows-2022' in 'vmo-golden-images', 80 GiB
   */
  readonly windows2022Image?: GoldenImageReference;
  /** @default the Ubuntu golden image's size */
  readonly ubuntu2204DiskSizeGiB?: number;
  /** @default the Windows golden image's size */
  readonly windows2022DiskSizeGiB?: number;
  /** The preference of the Ubuntu template, e.g. `preferencesLayer.linux.preferenceName`. @default 'generic-linux' */
  readonly linuxPreferenceName?: string;
  /** @default 'generic-windows' */
  readonly windowsPreferenceName?: string;
  /** The storage class of the VMs' OS disks. @default 'spectro-storage-class' */
  readonly storageClassName?: string;
  /** The storage class of the Windows VMs' OS disks (e.g. Rook-Ceph's rxbounce class). @default storageClassName */
  readonly windowsStorageClassName?: string;
  /** The namespaces VMs are created in, each gets the sysprep ConfigMap. @default ['default', 'virtual-machines'] */
  readonly vmNamespaces?: readonly string[];
  /** Sensitive, without default. @default VmPassword.ubuntuUser() ('vmUbuntuPassword') */
  readonly ubuntuPassword?: ProfileVariable;
  /** Sensitive, without default. @default VmPassword.windowsAdministrator() ('vmWindowsAdminPassword') */
  readonly windowsAdministratorPassword?: ProfileVariable;
  /**
   * An https URL of the Ubuntu template's icon in the dashboard, e.g. one the cluster serves.
   * @default no icon (the RA export hot-links third-party images; the dashboard shows no icon instead)
   */
  readonly ubuntu2204Icon?: string;
  /** An https URL of the Windows template's icon. @default no icon */
  readonly windows2022Icon?: string;
  /** The Windows time zone id of the Windows VMs. @default 'UTC' */
  readonly windowsTimeZone?: string;
  /** @default 40 (seed 002, "Install order 40") */
  readonly installPriority?: number;
}

const RA_UBUNTU_IMAGE: GoldenImageReference = {
  dataVolumeName: UBUNTU_2204_IMAGE.dataVolumeName,
  namespace: GOLDEN_IMAGES_NAMESPACE,
  sizeGiB: UBUNTU_2204_IMAGE.sizeGiB,
};
const RA_WINDOWS_IMAGE: GoldenImageReference = {
  dataVolumeName: WINDOWS_2022_IMAGE.dataVolumeName,
  namespace: GOLDEN_IMAGES_NAMESPACE,
  sizeGiB: WINDOWS_2022_IMAGE.sizeGiB,
};

/**
 * The RA's `vmo-vmtemplates` manifest layer (VMO-RA-Templates profile): `cm-unattend-xml`,
 * `vmtemplate-ubuntu-2204` and `vmtemplate-windows-2022`. Passwords are sensitive profile variables.
 */
export class VmoTemplatesLayer extends ManifestLayer {
  public readonly sysprep: WindowsSysprepConfig;
  public readonly ubuntu2204: VmTemplate;
  public readonly windows2022: VmTemplate;

  constructor(scope: Construct, id: string, props: VmoTemplatesLayerProps = {}) {
    super(scope, id, {
      name: 'vmo-vmtemplates',
      version: TEMPLATES_LAYER_VERSION,
      installPriority: props.installPriority ?? TEMPLATES_INSTALL_PRIORITY,
      role: LayerRole.TEMPLATES,
    });
    this.sysprep = new WindowsSysprepConfig(this, 'cm-unattend-xml', {
      administratorPassword: props.windowsAdministratorPassword ?? VmPassword.windowsAdministrator(),
      namespaces: props.vmNamespaces,
      timeZone: props.windowsTimeZone,
    });
    this.ubuntu2204 = new VmTemplate(this, 'vmtemplate-ubuntu-2204', {
      name: 'ubuntu-2204',
      displayName: 'Ubuntu 22.04',
      description: 'Ubuntu 22.04 LTS, cloned from the golden image; log in as ubuntu with the password set at deploy time',
      icon: props.ubuntu2204Icon,
      preferenceName: props.linuxPreferenceName ?? LINUX_PREFERENCE_NAME,
      goldenImage: props.ubuntu2204Image ?? RA_UBUNTU_IMAGE,
      diskSizeGiB: props.ubuntu2204DiskSizeGiB,
      storageClassName: props.storageClassName,
      cpuCores: 2,
      memoryGiB: 2,
      guestConfig: VmGuestConfig.cloudInit({ password: props.ubuntuPassword ?? VmPassword.ubuntuUser() }),
    });
    this.windows2022 = new VmTemplate(this, 'vmtemplate-windows-2022', {
      // The RA's template name (RA Templates export): the image is the Evaluation Edition.
      name: 'win-2022-eval',
      displayName: 'Windows Server 2022 Evaluation',
      description: 'Windows Server 2022 Datacenter Evaluation, cloned from the golden image; the Administrator password is set at deploy time',
      icon: props.windows2022Icon,
      preferenceName: props.windowsPreferenceName ?? WINDOWS_PREFERENCE_NAME,
      goldenImage: props.windows2022Image ?? RA_WINDOWS_IMAGE,
      diskSizeGiB: props.windows2022DiskSizeGiB,
      storageClassName: props.windowsStorageClassName ?? props.storageClassName,
      cpuCores: 2,
      memoryGiB: 4,
      guestConfig: VmGuestConfig.sysprep({ configMapName: this.sysprep.configMapName }),
    });
  }
}
