import { Construct } from 'constructs';
import { LayerRole } from '../palette/layer-role';
import { ManifestLayer } from '../palette/manifest-layer';
import { CdiCloneStrategy } from './cdi-clone-strategy';
import { CdiStorageProfile } from './cdi-storage-profile';
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
}

/** The RA's `vmo-storage` manifest layer (VMO-RA-Templates profile): the `storageprofile-cdi` manifest. */
export class VmoStorageLayer extends ManifestLayer {
  public readonly storageProfile: CdiStorageProfile;

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
    });
  }
}
