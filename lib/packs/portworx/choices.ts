/*
 * The choices of the Portworx 3.3.1 preset groups (see presets.ts) and of the FlashArray
 * SAN. Each preset option names the preset that implements it; the RA's selection (RA rev
 * 1.7, Portworx layer, "The following pack presets were selected") is noted.
 */

/** Preset group "License Models". */
export class PortworxLicenseModel {
  /**
   * PX Enterprise with an activation id (the RA's choice: "Cannot use Direct Access volumes as
   * those do not support RWX", RA rev 1.7 Portworx settings).
   */
  public static readonly ENTERPRISE = new PortworxLicenseModel('px-enterprise', 'enterprise');
  /** PX Enterprise SaaS pay-as-you-go, with a SaaS key (RA rev 1.7: "change the License Models preset to SaaS"). */
  public static readonly ENTERPRISE_SAAS = new PortworxLicenseModel('px-enterprise-saas', 'saas');

  private constructor(public readonly presetName: string, public readonly licenseType: string) {}
}

/** Preset group "Node selection". */
export class PortworxNodeSelection {
  /** Portworx runs on worker nodes only (the RA's choice). */
  public static readonly WORKER_NODES_ONLY = new PortworxNodeSelection('px-deploy-worker-only');
  /** Portworx runs on control-plane and worker nodes. */
  public static readonly ALL_NODES = new PortworxNodeSelection('px-deploy-all-nodes');

  private constructor(public readonly presetName: string) {}
}

/** Preset group "Palette Mode". */
export class PortworxPaletteMode {
  /** A Cluster API or appliance-mode cluster, e.g. MAAS (the RA's choice). */
  public static readonly CAPI_OR_APPLIANCE = new PortworxPaletteMode('px-normal-mode');
  /** A Palette agent-mode cluster: mounts the agent's containerd paths. */
  public static readonly AGENT = new PortworxPaletteMode('px-agent-mode');

  private constructor(public readonly presetName: string) {}
}

/** Preset group "Kvdb and Etcd", internal kvdb options (the layer's spec always uses the internal kvdb). */
export class PortworxKvdb {
  /** Internal kvdb without TLS (the RA's choice: "Use Internal Kvdb, No TLS"). */
  public static readonly INTERNAL = new PortworxKvdb('px-internal-kvdb', false);
  /** Internal kvdb with TLS between the kvdb members. */
  public static readonly INTERNAL_TLS = new PortworxKvdb('px-internal-kvdb-tls', true);

  private constructor(public readonly presetName: string, public readonly enableTls: boolean) {}
}

/** How the nodes reach the FlashArray: `PURE_FLASHARRAY_SAN_TYPE` of the StorageCluster. */
export class FlashArraySanType {
  /** Fibre Channel (the RA's choice: "The `PURE_FLASHARRAY_SAN_TYPE` is changed from `ISCSI` to `FC`"). */
  public static readonly FC = new FlashArraySanType('FC');
  /** iSCSI (the pack preset's default). */
  public static readonly ISCSI = new FlashArraySanType('ISCSI');

  private constructor(public readonly value: string) {}
}
