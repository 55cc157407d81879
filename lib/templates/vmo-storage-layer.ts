import { Construct } from 'constructs';
import { LayerRole } from '../palette/layer-role';
import { ManifestLayer } from '../palette/manifest-layer';
import { CdiCloneStrategy } from './cdi-clone-strategy';
import { ValidationError } from '../common/errors';
import { CdiClaimPropertySet, CdiStorageProfile, CdiStorageProfileProps } from './cdi-storage-profile';
import { TEMPLATES_INSTALL_PRIORITY, TEMPLATES_LAYER_VERSION } from './ra-defaults';
import { VolumeMode } from './volume-mode';

export interface VmoStorageLayerProps {
  /** @default 'spectro-storage-class' */
  readonly storageClassName?: string;
  /** @default VolumeMode.BLOCK */
  readonly volumeMode?: VolumeMode;
  /** @default CdiCloneStrategy.CSI_CLONE */
  readonly cloneStrategy?: CdiCloneStrategy;
  /** @default 40 (seed 002, "Install order 40") */
  readonly installPriority?: number;
  /** CDI's claim property sets of the class, RWX first. @default one set: ReadWriteMany in `volumeMode` */
  readonly claimPropertySets?: readonly CdiClaimPropertySet[];
  /**
   * StorageProfiles of more classes VMs use (e.g. a Windows class), each its own manifest
   * `storageprofile-cdi-<class>`.
   * @default none
   */
  readonly additionalProfiles?: readonly CdiStorageProfileProps[];
}

/** The RA's `vmo-storage` manifest layer (VMO-RA-Templates profile): the `storageprofile-cdi` manifest (and one per additional class). */
export class VmoStorageLayer extends ManifestLayer {
  public readonly storageProfile: CdiStorageProfile;
  /** The StorageProfiles of `additionalProfiles`, in order. */
  public readonly additionalProfiles: readonly CdiStorageProfile[];

  constructor(scope: Construct, id: string, props: VmoStorageLayerProps = {}) {
    super(scope, id, {
      name: 'vmo-storage',
      version: TEMPLATES_LAYER_VERSION,
      installPriority: props.installPriority ?? TEMPLATES_INSTALL_PRIORITY,
      role: LayerRole.TEMPLATES,
    });
    this.storageProfile = new CdiStorageProfile(this, 'storageprofile-cdi', {
      storageClassName: props.storageClassName,
      volumeMode: props.volumeMode,
      cloneStrategy: props.cloneStrategy,
      claimPropertySets: props.claimPropertySets,
    });
    this.additionalProfiles = (props.additionalProfiles ?? []).map((p) => {
      const name = p.storageClassName;
      if (name === undefined) throw new ValidationError('an additional StorageProfile names no storage class: give its storageClassName');
      if (name === this.storageProfile.storageClassName) {
        throw new ValidationError(`StorageProfile ${name} is written twice: list each storage class once`);
      }
      return new CdiStorageProfile(this, `storageprofile-cdi-${name}`, p);
    });
  }
}
