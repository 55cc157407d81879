import { ValidationError } from '../../common/errors';

/** A KubeVirt feature gate, as listed in `kubevirt.kubevirtResource.additionalFeatureGates`. */
export class KubevirtFeatureGate {
  // The gates the VMO pack ships with; its values say they "are required for virtual machine
  // orchestrator pack, users can append" (VMO 4.6.3 values; the 4.7.0 list was not published).
  public static readonly LIVE_MIGRATION = new KubevirtFeatureGate('LiveMigration');
  public static readonly HOTPLUG_VOLUMES = new KubevirtFeatureGate('HotplugVolumes');
  public static readonly SNAPSHOT = new KubevirtFeatureGate('Snapshot');
  public static readonly VM_EXPORT = new KubevirtFeatureGate('VMExport');
  public static readonly EXPAND_DISKS = new KubevirtFeatureGate('ExpandDisks');
  public static readonly HOTPLUG_NICS = new KubevirtFeatureGate('HotplugNICs');
  public static readonly VM_LIVE_UPDATE_FEATURES = new KubevirtFeatureGate('VMLiveUpdateFeatures');
  public static readonly VOLUMES_UPDATE_STRATEGY = new KubevirtFeatureGate('VolumesUpdateStrategy');
  public static readonly VOLUME_MIGRATION = new KubevirtFeatureGate('VolumeMigration');
  public static readonly SIDECAR = new KubevirtFeatureGate('Sidecar');

  // The gates RA rev 1.7 adds: "feature gates for persistent TPM, CPU Manager and strict
  // HyperV checking". The names are KubeVirt's.
  /** Persistent TPM and EFI state (needs `vmStateStorageClass`). */
  public static readonly VM_PERSISTENT_STATE = new KubevirtFeatureGate('VMPersistentState');
  /** Dedicated CPUs for VMs (`dedicatedCpuPlacement`). */
  public static readonly CPU_MANAGER = new KubevirtFeatureGate('CPUManager');
  /** Schedule Hyper-V-enlightened VMs only on nodes that support every enlightenment. */
  public static readonly HYPERV_STRICT_CHECK = new KubevirtFeatureGate('HypervStrictCheck');

  /** Any other KubeVirt feature gate, by its exact name (e.g. `NUMA`). */
  public static of(name: string): KubevirtFeatureGate {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
      throw new ValidationError(`KubeVirt feature gate '${name}' is invalid: use the gate's exact CamelCase name (e.g. 'HypervStrictCheck')`);
    }
    return new KubevirtFeatureGate(name);
  }

  private constructor(public readonly name: string) {}
}

/** The gates the VMO pack requires, kept in every rendered list. */
export const VMO_REQUIRED_FEATURE_GATES: readonly KubevirtFeatureGate[] = [
  KubevirtFeatureGate.LIVE_MIGRATION,
  KubevirtFeatureGate.HOTPLUG_VOLUMES,
  KubevirtFeatureGate.SNAPSHOT,
  KubevirtFeatureGate.VM_EXPORT,
  KubevirtFeatureGate.EXPAND_DISKS,
  KubevirtFeatureGate.HOTPLUG_NICS,
  KubevirtFeatureGate.VM_LIVE_UPDATE_FEATURES,
  KubevirtFeatureGate.VOLUMES_UPDATE_STRATEGY,
  KubevirtFeatureGate.VOLUME_MIGRATION,
  KubevirtFeatureGate.SIDECAR,
];

/** The gates RA rev 1.7 adds to the required ones. */
export const RA_FEATURE_GATES: readonly KubevirtFeatureGate[] = [
  KubevirtFeatureGate.VM_PERSISTENT_STATE,
  KubevirtFeatureGate.CPU_MANAGER,
  KubevirtFeatureGate.HYPERV_STRICT_CHECK,
];
