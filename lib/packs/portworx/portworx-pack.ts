import { Construct } from 'constructs';
import {
  StorageClusterSpec,
  StorageClusterSpecDeleteStrategyType,
  toJson_StorageClusterSpec,
} from '../../../imports/core.libopenstorage.org';
import { ValidationError } from '../../common/errors';
import { checkInterfaceName } from '../../common/interface-name';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackCatalog, packCatalogOf } from '../../palette/pack-catalog';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackPreset } from '../../palette/pack-preset';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { ProfileVariable, VariableFormat } from '../../palette/profile-variable';
import { isYamlMap, parseYamlDocuments, RenderedLayer, valueAt } from '../../palette/rendered';
import { addRuleCheck } from '../../palette/rule-validation';
import { ValueNode, Values } from '../../palette/values';
import { cdiCapabilities } from '../cdi-capabilities';
import { CsiNodeRequirements, CsiSnapshotClass, ICsiLayer, VmStorageProfile } from '../csi-layer';
import { StorageClassFacts, StorageFacts } from '../facts';
import { FlashArraySanType, PortworxKvdb, PortworxLicenseModel, PortworxNodeSelection, PortworxPaletteMode } from './choices';
import { checkSecretVariable, FlashArraySecret, PureFlashArray, PX_PURE_SECRET_NAME } from './flash-array-secret';
import {
  checkStorageClasses, KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION, PortworxStorageClass, RA_VM_STORAGE_CLASS, renderStorageClass, replicationProblem, vmStorageClass,
} from './storage-class';

/** The `csi-portworx-generic` version these presets and this spec belong to (RA rev 1.7). */
export const PORTWORX_PACK_VERSION = '3.3.1';
/** Autopilot's Prometheus: the Prometheus-Grafana layer's service (the pack's presets use it; pack-values.md §5 notes). */
export const DEFAULT_PROMETHEUS_URL = 'http://prometheus-operator-prometheus.monitoring.svc.cluster.local:9090';
const PACK_NAME = 'csi-portworx-generic';
/** Portworx's CSI driver (the provisioner of its storage classes). */
export const PORTWORX_PROVISIONER = 'pxd.portworx.com';
/** The VolumeSnapshotClass VMO creates for Portworx (seed 001 VMO layer). */
export const PORTWORX_SNAPSHOT_CLASS = 'portworx-snapshot-class';
/** The StorageCluster's namespace in pack 3.3.1 (`charts.portworx-generic.storageCluster.namespace`). */
export const PORTWORX_NAMESPACE = 'portworx';

/** RA rev 1.7: "Portworx PxStorev2 is enabled for higher performance" (annotation per the settings table). */
const PX_STOREV2_MISC_ARGS = '-T px-storev2';
/** RA rev 1.7: "a dedicated 64GB drive to be used as the Metadata Disk" (required by PxStorev2). */
const SYSTEM_METADATA_DEVICE_SIZE_GIB = 64;
/** RA rev 1.7: "Setting the journalDeviceSpec to 3GB". */
const JOURNAL_DEVICE_SIZE_GIB = 3;
/** The kvdb drive of the `px-spec-flasharray` preset, which the RA keeps. */
const KVDB_DEVICE_SIZE_GIB = 32;
/** RA rev 1.7: "Increasing the deviceSpecs from the minimum 150 GB". */
const MIN_DEVICE_SIZE_GIB = 150;
/** RA rev 1.7 hardware: "Portworx requires a minimum of 3 nodes to build a quorum". */
const MIN_STORAGE_NODES = 3;
/** Portworx keeps 1 to 3 replicas of a volume (`repl`). */
const MAX_REPLICATION = 3;

export interface PortworxPackProps {
  /**
   * The `csi-portworx-generic` version. Its presets are those of 3.3.1 unless the pack catalog
   * holds the version's own; the StorageCluster image is `portworx/oci-monitor:<version>`.
   * @default '3.3.1' (RA rev 1.7)
   */
  readonly version?: string;
  /** The registry the pack comes from; the pack type follows the registry's kind. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /**
   * The FlashArrays Portworx requests its drives from, written to the `px-pure-secret`
   * manifest of this layer. At least one.
   */
  readonly flashArrays: readonly PureFlashArray[];
  /**
   * `cloudStorage.maxStorageNodes`: the number of worker nodes, so that cloud drives are
   * "reattached to other nodes, preventing unnecessary replication during cluster repaves"
   * (RA rev 1.7). The RA makes it a profile variable; a variable must have format NUMBER.
   */
  readonly maxStorageNodes: number | ProfileVariable;
  /**
   * The data drive each worker requests from the FlashArray (`deviceSpecs: [size=N]`), GiB.
   * @default 1024 (RA rev 1.7: "each worker node contribute 1TB of storage capacity")
   */
  readonly deviceSizeGiB?: number;
  /** `PURE_FLASHARRAY_SAN_TYPE`. @default FlashArraySanType.FC (RA rev 1.7) */
  readonly flashArraySanType?: FlashArraySanType;
  /**
   * `network.dataInterface`: the interface for Portworx replication traffic.
   * @default 'bond_mgmt.10' (RA rev 1.7: keep bond_data.20 for application traffic)
   */
  readonly dataInterface?: string;
  /** `network.mgmtInterface`. @default 'bond_mgmt.10' (RA rev 1.7) */
  readonly mgmtInterface?: string;
  /**
   * `KUBERNETES_OPS_QPS_RATE`: the Kubernetes API request rate of Portworx's clients.
   * @default 2000 (see PORTWORX_KUBERNETES_OPS_QPS_RATE)
   */
  readonly kubernetesOpsQpsRate?: number;
  /** `KUBERNETES_OPS_BURST_RATE`, at least the QPS rate. @default 4000 (see PORTWORX_KUBERNETES_OPS_BURST_RATE) */
  readonly kubernetesOpsBurstRate?: number;
  /**
   * The Prometheus Autopilot reads metrics from: the Prometheus-Grafana layer's service.
   * @default 'http://prometheus-operator-prometheus.monitoring.svc.cluster.local:9090' (pack preset, RA rev 1.2)
   */
  readonly autopilotPrometheusUrl?: string;
  /**
   * The pack's `storageClasses` list.
   * @default [RA_VM_STORAGE_CLASS]
   */
  readonly storageClasses?: readonly PortworxStorageClass[];
  /** @default PortworxLicenseModel.ENTERPRISE (RA rev 1.7) */
  readonly licenseModel?: PortworxLicenseModel;
  /**
   * `license.enterprise.activationId`, a sensitive variable without default.
   * @default a sensitive variable `portworxActivationId`
   */
  readonly activationId?: ProfileVariable;
  /**
   * `license.enterprise.activateLicense`; false for a trial or offline activation.
   * @default true (pack preset px-enterprise)
   */
  readonly activateLicense?: boolean;
  /**
   * `license.saas.key` for PortworxLicenseModel.ENTERPRISE_SAAS, a sensitive variable without default.
   * @default a sensitive variable `portworxSaasKey`
   */
  readonly saasKey?: ProfileVariable;
  /** @default PortworxNodeSelection.WORKER_NODES_ONLY (RA rev 1.7) */
  readonly nodeSelection?: PortworxNodeSelection;
  /** @default PortworxPaletteMode.CAPI_OR_APPLIANCE (RA rev 1.7) */
  readonly paletteMode?: PortworxPaletteMode;
  /** @default PortworxKvdb.INTERNAL (RA rev 1.7: "Use Internal Kvdb, No TLS") */
  readonly kvdb?: PortworxKvdb;
  /** The pack's complete default values for 3.3.1, exported from Palette. @default none */
  readonly defaults?: PackDefaults;
  /** More values, deep-merged last. @default none */
  readonly values?: Values;
}

/**
 * `KUBERNETES_OPS_QPS_RATE` / `_BURST_RATE`: RA rev 1.7 adds both "to ensure stability in busy
 * environments" but prints no values (nor does rev 1.2). 2000/4000 is what a field
 * deployment of this RA sets; Portworx reads them as integers (client-go's own default is 5/10).
 */
export const PORTWORX_KUBERNETES_OPS_QPS_RATE = 2000;
export const PORTWORX_KUBERNETES_OPS_BURST_RATE = 4000;

/**
 * The RA's storage layer (RA rev 1.7, "Portworx layer (VMO-RA-Infra-MaaS-PureFlashArray
 * profile)"): Portworx /w Operator 3.3.1 as the CSI, with PX Enterprise, PxStorev2 and
 * FlashArray cloud drives over FC, the VM storage class, and the `px-pure-secret` manifest.
 *
 * The StorageCluster spec is built as the CRD's `StorageClusterSpec`, so the compiler checks
 * its field names, and written to `charts.portworx-generic.storageCluster.spec`.
 */
export class PortworxPack extends PackLayer implements ICsiLayer {
  /** The typed StorageCluster spec (`maxStorageNodes` unset when it is a variable). */
  public readonly storageClusterSpec: StorageClusterSpec;
  public readonly storageClusterNamespace = PORTWORX_NAMESPACE;
  public readonly maxStorageNodes: number | ProfileVariable;
  public readonly deviceSizeGiB: number;
  public readonly flashArraySanType: FlashArraySanType;
  public readonly storageClasses: readonly PortworxStorageClass[];
  /** The storage class for VM disks (KubeVirt's default), for the Templates layers. */
  public readonly storageClassName: string;
  /** Portworx 3.3+ serves RWX volumes in Block mode (RA rev 1.7 RWX table), so VM disks can use Block. */
  public readonly supportsRwxBlock: boolean;
  /** The `px-pure-secret` manifest. */
  public readonly flashArraySecret: FlashArraySecret;
  public readonly vmStorage: VmStorageProfile;
  public readonly snapshotClass: CsiSnapshotClass = { name: PORTWORX_SNAPSHOT_CLASS, driver: PORTWORX_PROVISIONER };
  /** The RA's OS layer: FlashArray multipath and udev settings, and the NFS client for sharedv4 (RWX Filesystem) volumes. */
  public readonly nodeRequirements: CsiNodeRequirements = { packages: [], pureFlashArray: true, nfsClient: true };

  constructor(scope: Construct, id: string, props: PortworxPackProps) {
    const licenseModel = props.licenseModel ?? PortworxLicenseModel.ENTERPRISE;
    const nodeSelection = props.nodeSelection ?? PortworxNodeSelection.WORKER_NODES_ONLY;
    const paletteMode = props.paletteMode ?? PortworxPaletteMode.CAPI_OR_APPLIANCE;
    const kvdb = props.kvdb ?? PortworxKvdb.INTERNAL;
    const version = props.version ?? PORTWORX_PACK_VERSION;
    const presets = presetsFor(scope, version);
    super(scope, id, {
      name: PACK_NAME,
      version,
      layer: LayerType.CSI,
      role: LayerRole.CSI,
      registry: props.registry,
      defaults: props.defaults,
      ...(presets ? { presets } : {}),
      // The RA's selection; the header follows presets.yaml order whatever the order here.
      enabledPresets: [licenseModel.presetName, nodeSelection.presetName, paletteMode.presetName, 'px-spec-flasharray', kvdb.presetName],
    });

    this.maxStorageNodes = props.maxStorageNodes;
    checkMaxStorageNodesVariable(props.maxStorageNodes);
    const literalNodes = props.maxStorageNodes;
    if (typeof literalNodes === 'number') addRuleCheck(this, 'STO-001', () => [storageNodeCountProblem(literalNodes, 'maxStorageNodes')].filter((p): p is string => !!p));
    this.deviceSizeGiB = props.deviceSizeGiB ?? 1024;
    if (!Number.isInteger(this.deviceSizeGiB) || this.deviceSizeGiB < MIN_DEVICE_SIZE_GIB) {
      throw new ValidationError(
        `portworx deviceSizeGiB ${this.deviceSizeGiB} is invalid: give a whole number of GiB of at least ${MIN_DEVICE_SIZE_GIB} (the RA uses 1024)`,
      );
    }
    this.flashArraySanType = props.flashArraySanType ?? FlashArraySanType.FC;
    const dataInterface = checkInterface(props.dataInterface ?? 'bond_mgmt.10', 'dataInterface');
    const mgmtInterface = checkInterface(props.mgmtInterface ?? 'bond_mgmt.10', 'mgmtInterface');
    const qps = props.kubernetesOpsQpsRate ?? PORTWORX_KUBERNETES_OPS_QPS_RATE;
    const burst = props.kubernetesOpsBurstRate ?? PORTWORX_KUBERNETES_OPS_BURST_RATE;
    for (const [name, rate] of [
      ['kubernetesOpsQpsRate', qps],
      ['kubernetesOpsBurstRate', burst],
    ] as const) {
      if (!Number.isInteger(rate) || rate < 1) {
        throw new ValidationError(`portworx ${name} ${rate} is invalid: give a whole number of requests per second of at least 1 (e.g. 2000)`);
      }
    }
    if (burst < qps) {
      throw new ValidationError(`portworx kubernetesOpsBurstRate ${burst} is below kubernetesOpsQpsRate ${qps}: the burst must be at least the rate (e.g. ${qps * 2})`);
    }
    const prometheusUrl = checkPrometheusUrl(props.autopilotPrometheusUrl ?? DEFAULT_PROMETHEUS_URL);

    this.storageClasses = props.storageClasses ?? [RA_VM_STORAGE_CLASS];
    checkStorageClasses(this.storageClasses);
    const classes = this.storageClasses;
    addRuleCheck(this, 'STO-004', () => classes.map((sc) => replicationProblem(sc.name, sc.parameters?.repl)).filter((p): p is string => !!p));
    this.storageClassName = vmStorageClass(this.storageClasses).name;
    this.supportsRwxBlock = supportsRwxBlock(this.version);
    const vmClass = vmStorageClass(this.storageClasses);
    this.vmStorage = {
      storageClassName: vmClass.name,
      // Block where Portworx and CDI serve the class RWX Block (rwxBlockProblem), else RWX Filesystem.
      volumeMode: rwxBlockProblem(this.version, vmClass.parameters ?? {}) === undefined ? 'Block' : 'Filesystem',
      cloneStrategy: 'csi-clone',
    };

    const maxStorageNodesValue = typeof props.maxStorageNodes === 'number' ? props.maxStorageNodes : undefined;
    this.storageClusterSpec = {
      // Portworx tags its oci-monitor image with the Portworx version (pack 3.3.1: portworx/oci-monitor:3.3.1).
      image: `portworx/oci-monitor:${this.version}`,
      imagePullPolicy: 'Always',
      // RA rev 1.2: "Ensure LUNs on the FlashArray are cleaned up as part of storagecluster deletion."
      deleteStrategy: { type: StorageClusterSpecDeleteStrategyType.UNINSTALL_AND_WIPE },
      kvdb: { internal: true, enableTls: kvdb.enableTls },
      cloudStorage: {
        deviceSpecs: [`size=${this.deviceSizeGiB}`],
        systemMetadataDeviceSpec: `size=${SYSTEM_METADATA_DEVICE_SIZE_GIB}`,
        journalDeviceSpec: `size=${JOURNAL_DEVICE_SIZE_GIB}`,
        kvdbDeviceSpec: `size=${KVDB_DEVICE_SIZE_GIB}`,
        maxStorageNodes: maxStorageNodesValue,
        // RA rev 1.7: "recent Portworx versions now require the provider to be configured instead of auto-detected".
        provider: 'pure',
      },
      network: { dataInterface, mgmtInterface },
      secretsProvider: 'k8s',
      // RA rev 1.2: "Ensure the stork scheduler is involved when scheduling pods to account for storage topology."
      stork: { enabled: true, args: { 'webhook-controller': 'true' } },
      // RA rev 1.2: "Autopilot depends on Prometheus metrics to function".
      autopilot: { enabled: true, providers: [{ name: 'default', type: 'prometheus', params: { url: prometheusUrl } }] },
      runtimeOptions: { 'default-io-profile': '6' },
      csi: { enabled: true },
      monitoring: { telemetry: { enabled: true }, prometheus: { enabled: false, exportMetrics: true } },
      env: [
        { name: 'PURE_FLASHARRAY_SAN_TYPE', value: this.flashArraySanType.value },
        { name: 'KUBERNETES_OPS_QPS_RATE', value: String(qps) },
        { name: 'KUBERNETES_OPS_BURST_RATE', value: String(burst) },
      ],
    };
    const spec = specValues(this.storageClusterSpec, props.maxStorageNodes);

    this.addValues({
      charts: {
        'portworx-generic': {
          license: licenseValues(licenseModel, props),
          storageCluster: {
            // RA rev 1.2 Portworx layer values.
            autoGenerateName: false,
            name: 'px-{{.spectro.system.cluster.name}}',
            namespace: PORTWORX_NAMESPACE,
            annotations: { 'portworx.io/misc-args': PX_STOREV2_MISC_ARGS },
            spec,
          },
          storageClasses: this.storageClasses.map(renderStorageClass),
        },
      },
    });
    if (props.values) this.addValues(props.values);

    this.flashArraySecret = new FlashArraySecret(this, PX_PURE_SECRET_NAME, {
      namespace: PORTWORX_NAMESPACE,
      flashArrays: props.flashArrays,
    });
  }

  /** What the written values and px-pure-secret say: version, classes, storage nodes, the FlashArray settings. */
  public storageFacts(rendered: RenderedLayer): StorageFacts {
    const chart = valueAt(rendered.deployed, 'charts', 'portworx-generic');
    const list = valueAt(chart, 'storageClasses');
    const single = valueAt(chart, 'storageClass');
    const storageClasses: StorageClassFacts[] = [...(Array.isArray(list) ? list : []), ...(isYamlMap(single) ? [single] : [])]
      .filter(isYamlMap)
      .filter((sc) => typeof sc.name === 'string')
      .map((sc) => ({
        name: sc.name as string,
        provisioner: PORTWORX_PROVISIONER,
        parameters: stringMap(sc.parameters),
        isDefault: sc.isDefaultStorageClass === true,
        ...(valueAt(sc, 'annotations', KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION) === 'true' ? { isDefaultVirt: true } : {}),
      }));
    const vm = storageClasses.find((sc) => (sc as { isDefaultVirt?: boolean }).isDefaultVirt) ?? storageClasses.find((sc) => sc.isDefault) ?? storageClasses[0];
    const spec = valueAt(chart, 'storageCluster', 'spec');
    const maxNodes = valueAt(spec, 'cloudStorage', 'maxStorageNodes');
    const env = valueAt(spec, 'env');
    const sanType = (Array.isArray(env) ? env : []).find((e) => valueAt(e, 'name') === 'PURE_FLASHARRAY_SAN_TYPE');
    const deviceSpecs = valueAt(spec, 'cloudStorage', 'deviceSpecs');
    const size = Array.isArray(deviceSpecs) && typeof deviceSpecs[0] === 'string' ? /size=(\d+)/.exec(deviceSpecs[0])?.[1] : undefined;
    const secrets = rendered.objects.filter((o) => o.deployed.kind === 'Secret' && valueAt(o.deployed, 'metadata', 'name') === PX_PURE_SECRET_NAME);
    const endpoints = secrets.flatMap((o) => {
      const json = valueAt(o.deployed, 'stringData', 'pure.json');
      const arrays = typeof json === 'string' ? valueAt(parseYamlDocuments(json)[0], 'FlashArrays') : undefined;
      return (Array.isArray(arrays) ? arrays : []).map((a) => String(valueAt(a, 'MgmtEndPoint') ?? ''));
    });
    const namespace = valueAt(chart, 'storageCluster', 'namespace');
    const version = rendered.pack.version;
    const interfaces = ['dataInterface', 'mgmtInterface'].map((k) => valueAt(spec, 'network', k)).filter((i): i is string => typeof i === 'string');
    return {
      product: 'Portworx',
      version,
      provisioner: PORTWORX_PROVISIONER,
      storageClasses,
      vmStorageClass: vm?.name ?? '',
      rwxBlockProblem: (sc) => rwxBlockProblem(version, sc.parameters),
      // Portworx serves RWX Filesystem volumes as sharedv4, an NFS export (storage-backends.md §2.1).
      needsNfsClient: (_sc, volumeMode) => volumeMode === 'Filesystem',
      replicasOf: (sc) => (sc.parameters.repl === undefined ? undefined : Number(sc.parameters.repl)),
      ...maxKubernetes(version),
      maxReplicas: MAX_REPLICATION,
      minStorageNodes: MIN_STORAGE_NODES,
      ...(typeof maxNodes === 'number' ? { maxStorageNodes: maxNodes } : {}),
      flashArray: {
        ...(size !== undefined ? { deviceSizeGiB: Number(size) } : {}),
        ...(typeof valueAt(sanType, 'value') === 'string' ? { sanType: valueAt(sanType, 'value') as string } : {}),
        mgmtEndpoints: endpoints,
        ...(typeof namespace === 'string' ? { storageClusterNamespace: namespace } : {}),
        secretNamespaces: secrets.map((o) => String(valueAt(o.deployed, 'metadata', 'namespace') ?? 'default')),
      },
      interfaces,
      // Seed 002 MAAS settings: "so that LUNs on the FlashArray do not get erased when nodes are repaved".
      nonOsDisks: 'the FlashArray LUNs Portworx hands to the new node',
    };
  }
}

/**
 * The newest Kubernetes each Portworx pack accepts, by Portworx major.minor: pack.json
 * constraints `{packName: kubernetes, maxVersion: ...}` (pack-values.md §5 and §12):
 * 3.2.3 max 1.31.99, 3.3.1 max 1.32.99, 3.4.1 max 1.33.99.
 */
const MAX_KUBERNETES: readonly { readonly portworx: string; readonly version: string; readonly label: string }[] = [
  { portworx: '3.2', version: '1.31.99', label: '1.31.x' },
  { portworx: '3.3', version: '1.32.99', label: '1.32.x' },
  { portworx: '3.4', version: '1.33.99', label: '1.33.x' },
];

function maxKubernetes(version: string): Pick<StorageFacts, 'maxKubernetes'> {
  const minor = version.split('.').slice(0, 2).join('.');
  const i = MAX_KUBERNETES.findIndex((m) => m.portworx === minor);
  if (i < 0) return {};
  const newer = MAX_KUBERNETES[i + 1];
  return { maxKubernetes: { version: MAX_KUBERNETES[i].version, label: MAX_KUBERNETES[i].label, ...(newer ? { newerPack: `${newer.portworx}.x` } : {}) } };
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isYamlMap(v)) for (const [k, x] of Object.entries(v)) out[k] = String(x);
  return out;
}

/** A variable for maxStorageNodes must be a number variable (its reference keeps the type). */
function checkMaxStorageNodesVariable(value: number | ProfileVariable): void {
  if (!(value instanceof ProfileVariable)) return;
  if (value.format !== VariableFormat.NUMBER) {
    throw new ValidationError(`profile variable '${value.name}' for portworx maxStorageNodes has format '${value.format.value}': use VariableFormat.NUMBER`);
  }
  const problem = value.defaultValue === undefined ? undefined : storageNodeCountProblem(Number(value.defaultValue), `default '${value.defaultValue}' of profile variable '${value.name}'`);
  if (problem) throw new ValidationError(problem);
}

/** STO-001's form check: a whole number of at least 3 storage nodes. */
export function storageNodeCountProblem(n: number, what: string): string | undefined {
  if (Number.isInteger(n) && n >= MIN_STORAGE_NODES) return undefined;
  return `portworx ${what} (${n}) is invalid: give the number of worker nodes, a whole number of at least ${MIN_STORAGE_NODES} (Portworx needs 3 nodes for quorum)`;
}


/** The interface Portworx uses for data or management traffic (`-d`/`-m`). */
function checkInterface(name: string, prop: string): string {
  return checkInterfaceName(name, `portworx ${prop}`, 'bond_mgmt.10');
}

function checkPrometheusUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new ValidationError(`portworx autopilotPrometheusUrl '${url}' is not an http(s) URL: use e.g. '${DEFAULT_PROMETHEUS_URL}'`);
  }
  return url;
}

/** Portworx serves RWX Block volumes from 3.3 on (RA rev 1.7 RWX table: "Portworx Enterprise 3.3.1 Block"). */
function supportsRwxBlock(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 3);
}

/**
 * Why a Portworx class serves no RWX Block, or undefined when it does: Portworx before 3.3
 * serves none, and from 3.3 CDI's table for the class decides (storage-backends.md §2.1: a class
 * whose `sharedv4_mount_options` hold `vers=3.0` and `nolock` is NFS, RWX Filesystem only, as is
 * `backend: pure_fa_file`; `sharedv4: "true"` alone and `backend: pure_block` keep RWX Block).
 */
function rwxBlockProblem(version: string, parameters: Readonly<Record<string, string>>): string | undefined {
  if (!supportsRwxBlock(version)) return `Portworx ${version} serves RWX volumes in Filesystem mode only (RWX Block needs Portworx 3.3 or later)`;
  return cdiCapabilities(PORTWORX_PROVISIONER, parameters)?.noRwxBlock;
}

function licenseValues(model: PortworxLicenseModel, props: PortworxPackProps): Values {
  if (model === PortworxLicenseModel.ENTERPRISE_SAAS) {
    const key = props.saasKey ?? new ProfileVariable('portworxSaasKey', {
      displayName: 'Portworx SaaS key',
      description: 'Portworx Enterprise SaaS pay-as-you-go key (license.saas.key)',
      required: true,
      isSensitive: true,
    });
    checkSecretVariable(key, 'Portworx SaaS key');
    return { type: model.licenseType, saas: { key } };
  }
  // RA rev 1.7: "A dummy license key is set for the license.enterprise.activationId parameter" — here a
  // sensitive variable, so that no key is ever written to the profile.
  const activationId = props.activationId ?? new ProfileVariable('portworxActivationId', {
    displayName: 'Portworx activation id',
    description: 'Portworx Enterprise license activation id (license.enterprise.activationId)',
    required: true,
    isSensitive: true,
  });
  checkSecretVariable(activationId, 'Portworx activation id');
  return { type: model.licenseType, enterprise: { activateLicense: props.activateLicense ?? true, activationId } };
}

/**
 * The typed spec as pack values: serialized with the CRD's own `toJson_StorageClusterSpec`
 * (CRD field names, e.g. `enableTLS`), with a variable `maxStorageNodes` put in its place.
 */
function specValues(spec: StorageClusterSpec, maxStorageNodes: number | ProfileVariable): ValueNode {
  const placeholder = -1;
  const typed: StorageClusterSpec =
    maxStorageNodes instanceof ProfileVariable ? { ...spec, cloudStorage: { ...spec.cloudStorage, maxStorageNodes: placeholder } } : spec;
  const json: unknown = toJson_StorageClusterSpec(typed);
  const replacements = new Map<string, ValueNode>();
  if (maxStorageNodes instanceof ProfileVariable) replacements.set('cloudStorage.maxStorageNodes', maxStorageNodes);
  return toValueNode(json, '', replacements);
}

function toValueNode(value: unknown, path: string, replacements: ReadonlyMap<string, ValueNode>): ValueNode {
  const replacement = replacements.get(path);
  if (replacement !== undefined) return replacement;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v: unknown, i) => toValueNode(v, `${path}[${i}]`, replacements));
  if (typeof value === 'object') {
    const out: { [key: string]: ValueNode } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toValueNode(v, path ? `${path}.${k}` : k, replacements);
    }
    return out;
  }
  throw new Error(`the StorageCluster spec holds a ${typeof value} at '${path}', which pack values cannot carry`);
}

/**
 * The presets of a version: the pack catalog's own (presets.yaml, generated from the published
 * pack for the built-in catalog), or, for a version the catalog has no presets for, the built-in
 * catalog's 3.3.1 presets. Undefined means the catalog's own (PackLayer reads them).
 */
function presetsFor(scope: Construct, version: string): readonly PackPreset[] | undefined {
  if (packCatalogOf(scope).lookup(PACK_NAME, version)?.presets.length) return undefined;
  return PackCatalog.builtIn().require(PACK_NAME, PORTWORX_PACK_VERSION).presets;
}
