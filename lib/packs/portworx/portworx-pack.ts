import { Construct } from 'constructs';
import {
  StorageClusterSpec,
  StorageClusterSpecDeleteStrategyType,
  toJson_StorageClusterSpec,
} from '../../../imports/core.libopenstorage.org';
import { ValidationError } from '../../common/errors';
import { LayerType } from '../../palette/layer-type';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackLayer } from '../../palette/pack-layer';
import { ProfileVariable, VariableFormat } from '../../palette/profile-variable';
import { ValueNode, Values } from '../../palette/values';
import { FlashArraySanType, PortworxKvdb, PortworxLicenseModel, PortworxNodeSelection, PortworxPaletteMode } from './choices';
import { checkSecretVariable, FlashArraySecret, PureFlashArray, PX_PURE_SECRET_NAME } from './flash-array-secret';
import { DEFAULT_PROMETHEUS_URL, PORTWORX_IMAGE, PORTWORX_PRESETS } from './presets';
import { checkStorageClasses, PortworxStorageClass, RA_VM_STORAGE_CLASS, renderStorageClass, vmStorageClass } from './storage-class';

/** The `csi-portworx-generic` version these presets and this spec belong to (RA rev 1.7). */
export const PORTWORX_PACK_VERSION = '3.3.1';
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

export interface PortworxPackProps {
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
export class PortworxPack extends PackLayer {
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

  constructor(scope: Construct, id: string, props: PortworxPackProps) {
    const licenseModel = props.licenseModel ?? PortworxLicenseModel.ENTERPRISE;
    const nodeSelection = props.nodeSelection ?? PortworxNodeSelection.WORKER_NODES_ONLY;
    const paletteMode = props.paletteMode ?? PortworxPaletteMode.CAPI_OR_APPLIANCE;
    const kvdb = props.kvdb ?? PortworxKvdb.INTERNAL;
    super(scope, id, {
      name: 'csi-portworx-generic',
      version: PORTWORX_PACK_VERSION,
      layer: LayerType.CSI,
      defaults: props.defaults,
      presets: PORTWORX_PRESETS,
      // The RA's selection; the header follows presets.yaml order whatever the order here.
      enabledPresets: [licenseModel.presetName, nodeSelection.presetName, paletteMode.presetName, 'px-spec-flasharray', kvdb.presetName],
    });

    this.maxStorageNodes = props.maxStorageNodes;
    checkMaxStorageNodes(props.maxStorageNodes);
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
    this.storageClassName = vmStorageClass(this.storageClasses).name;
    this.supportsRwxBlock = supportsRwxBlock(this.version);

    const maxStorageNodesValue = typeof props.maxStorageNodes === 'number' ? props.maxStorageNodes : undefined;
    this.storageClusterSpec = {
      image: PORTWORX_IMAGE,
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
}

function checkMaxStorageNodes(value: number | ProfileVariable): void {
  if (value instanceof ProfileVariable) {
    if (value.format !== VariableFormat.NUMBER) {
      throw new ValidationError(
        `profile variable '${value.name}' for portworx maxStorageNodes has format '${value.format.value}': use VariableFormat.NUMBER`,
      );
    }
    if (value.defaultValue !== undefined) checkStorageNodeCount(Number(value.defaultValue), `default '${value.defaultValue}' of profile variable '${value.name}'`);
    return;
  }
  checkStorageNodeCount(value, 'maxStorageNodes');
}

function checkStorageNodeCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < MIN_STORAGE_NODES) {
    throw new ValidationError(
      `portworx ${what} (${n}) is invalid: give the number of worker nodes, a whole number of at least ${MIN_STORAGE_NODES} (Portworx needs 3 nodes for quorum)`,
    );
  }
}

/** Linux interface names: at most 15 characters, no '/' or whitespace. */
function checkInterface(name: string, prop: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/.test(name)) {
    throw new ValidationError(
      `portworx ${prop} '${name}' is not a Linux interface name: use up to 15 letters, digits, '_', '.' or '-' (e.g. 'bond_mgmt.10')`,
    );
  }
  return name;
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
