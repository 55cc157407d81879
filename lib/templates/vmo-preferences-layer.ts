import { Construct } from 'constructs';
import { LayerRole } from '../palette/layer-role';
import { ManifestLayer } from '../palette/manifest-layer';
import { LINUX_PREFERENCE_NAME, TEMPLATES_INSTALL_PRIORITY, TEMPLATES_LAYER_VERSION, WINDOWS_PREFERENCE_NAME } from './ra-defaults';
import { VmPreference } from './vm-preference';
import { VmPreferenceSpec } from './vm-preference-spec';

export interface VmoPreferencesLayerProps {
  /** @default VmPreferenceSpec.linux() */
  readonly linux?: VmPreferenceSpec;
  /**
   * The Windows preference. The RA's Windows golden image carries the virtio drivers and the RA's
   * Windows preference and template use virtio disks and NICs.
   * @default VmPreferenceSpec.windows2022Virtio()
   */
  readonly windows?: VmPreferenceSpec;
  /** @default 'generic-linux' */
  readonly linuxName?: string;
  /** @default 'generic-windows' */
  readonly windowsName?: string;
  /** @default 'spectrocloud.com' */
  readonly vendor?: string;
  /** @default true */
  readonly evictableByDescheduler?: boolean;
  /** @default 40 (seed 002, "Install order 40") */
  readonly installPriority?: number;
}

/**
 * The RA's `vmo-vmpreferences` manifest layer (VMO-RA-Templates profile): `vmcp-generic-linux` and
 * `vmcp-generic-windows`.
 */
export class VmoPreferencesLayer extends ManifestLayer {
  public readonly linux: VmPreference;
  public readonly windows: VmPreference;

  constructor(scope: Construct, id: string, props: VmoPreferencesLayerProps = {}) {
    super(scope, id, {
      name: 'vmo-vmpreferences',
      version: TEMPLATES_LAYER_VERSION,
      installPriority: props.installPriority ?? TEMPLATES_INSTALL_PRIORITY,
      role: LayerRole.TEMPLATES,
    });
    const common = { vendor: props.vendor, evictableByDescheduler: props.evictableByDescheduler };
    this.linux = new VmPreference(this, 'vmcp-generic-linux', {
      ...common,
      name: props.linuxName ?? LINUX_PREFERENCE_NAME,
      spec: props.linux ?? VmPreferenceSpec.linux(),
    });
    this.windows = new VmPreference(this, 'vmcp-generic-windows', {
      ...common,
      name: props.windowsName ?? WINDOWS_PREFERENCE_NAME,
      spec: props.windows ?? VmPreferenceSpec.windows2022Virtio(),
    });
  }
}
