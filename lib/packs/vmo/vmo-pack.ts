import { Construct } from 'constructs';
import { VolumeSnapshotClassDeletionPolicy } from '../../../imports/snapshot.storage.k8s.io';
import { ValidationError } from '../../common/errors';
import { isDnsLabel, isDnsSubdomain } from '../../common/dns-names';
import { checkInterfaceName } from '../../common/interface-name';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { ProfileVariable } from '../../palette/profile-variable';
import { RenderedLayer, valueAt } from '../../palette/rendered';
import { ValueNode, Values } from '../../palette/values';
import { IVmoLayer, VmoFacts } from '../facts';
import { tryVlans, vlanListProblem } from '../../common/vlan-list';
import { VlanSet } from '../../common/vlan-set';
import { addRuleCheck } from '../../palette/rule-validation';
import { KubevirtFeatureGate, RA_FEATURE_GATES, VMO_REQUIRED_FEATURE_GATES } from './kubevirt-feature-gate';
import { VmoDashboardAccess } from './vmo-dashboard-access';

/** The VMO pack's namespace (`pack.namespace`), where the dashboard runs. */
export const VMO_NAMESPACE = 'vm-dashboard';

/**
 * The MetalLB pool a site reserves for the dashboard's LoadBalancer address with Direct
 * access, so the address written as `consoleBaseAddress` is the one the Service gets.
 */
export const VMO_DASHBOARD_POOL = 'vmo-dashboard';

/**
 * `charts.virtual-machine-orchestrator.vlanFiltering`: a DaemonSet that makes the bridge on
 * every worker VLAN-aware, "making it possible to place VMs directly on a VLAN" (RA rev 1.7).
 */
export interface VmoVlanFilteringProps {
  /** @default true (RA) */
  readonly enabled?: boolean;
  /** Where the DaemonSet runs. @default 'kube-system' (RA) */
  readonly namespace?: string;
  /** `env.bridgeIF`: the bridge VMs attach to. @default 'br0' (RA) */
  readonly bridgeIF?: string;
  /**
   * `env.allowedVlans`: the VLANs VMs may use. RA rev 1.7 makes it a profile variable.
   * @default VlanSet.parse('21-100') (RA)
   */
  readonly allowedVlans?: VlanSet | ProfileVariable | string;
  /**
   * `env.allowVlansOnSelf`: let the host itself use VLANs on the bridge. "Enable this option
   * when the br0 interface on the host has an IP address or has VLAN-subinterfaces defined"
   * (RA rev 1.7, which makes it a profile variable). Written as the string "true"/"false".
   * @default true (seed 001)
   */
  readonly allowVlansOnSelf?: boolean | ProfileVariable;
  /**
   * The VLANs the host itself uses on the bridge (the RA's "VLANs on top of br0"): VLAN 1
   * when br0 has an IP address, plus the VLANs of br0's subinterfaces. The VM VLANs are
   * added for you, as RA rev 1.7 does ("The VLANs for VMs will be automatically added to
   * the `env.allowedVlansOnSelf` parameter"), because the VLAN-aware bridge would otherwise
   * drop the VM VLANs. A literal set is merged with literal VM VLANs into one list; with a
   * profile variable on either side the two are joined as `"<host>,<vm>"` and Palette
   * substitutes the values at deploy time, so give such a variable a non-empty value.
   * @default VlanSet.parse('1,10,20') (seed 001: "1,10,20,21-100" less the VM VLANs)
   */
  readonly allowedVlansOnSelf?: VlanSet | ProfileVariable | string;
}

/** `charts.virtual-machine-orchestrator.snapshot-controller.volumeSnapshotClass`. */
export interface VmoVolumeSnapshotClassProps {
  /** @default 'portworx-snapshot-class' (seed 001) */
  readonly name?: string;
  /** The CSI driver. @default 'pxd.portworx.com' (seed 001, Portworx) */
  readonly driver?: string;
  /** @default VolumeSnapshotClassDeletionPolicy.DELETE (seed 001) */
  readonly deletionPolicy?: VolumeSnapshotClassDeletionPolicy;
  /** Driver-specific parameters. @default {} (seed 001) */
  readonly params?: { readonly [key: string]: string };
  /**
   * Labels on the class. The Velero label makes Velero's CSI plugin use this class for
   * backups; "not required if Velero is not used" (seed 001).
   * @default { 'velero.io/csi-volumesnapshot-class': 'true' } (seed 001)
   */
  readonly extraLabels?: { readonly [key: string]: string };
}

/**
 * `charts.virtual-machine-orchestrator.privateCaCertificate`: trust a private CA (e.g. a
 * self-hosted Palette's). The ConfigMap must exist in vm-dashboard before this is enabled
 * (seed 000 "Custom CA Certificate").
 */
export interface VmoPrivateCaCertificateProps {
  /** @default 'custom-ca' (seed 000) */
  readonly configmapName?: string;
  /** The ConfigMap key holding the PEM certificate. @default 'cert' (seed 000) */
  readonly certificateKey?: string;
  /** @default '/etc/ssl/certs/' (seed 000) */
  readonly mountPath?: string;
}

export interface VirtualMachineOrchestratorPackProps {
  /** The `virtual-machine-orchestrator` version. @default '4.7.0' (RA rev 1.7) */
  readonly version?: string;
  /** @default 30 (RA rev 1.7, VMO layer "Install order") */
  readonly installPriority?: number;
  /** The dashboard access mode. @default VmoDashboardAccess.PROXIED (RA) */
  readonly access?: VmoDashboardAccess;
  /**
   * `appConfig.clusterInfo.consoleBaseAddress`: with Direct access, the dashboard's
   * LoadBalancer address (seed 000:582: "Set consoleBaseAddress to LB IP"). Proxied access
   * leaves it empty (seed 000:583), so it is refused there.
   * @default not set (the pack's "")
   */
  readonly consoleBaseAddress?: string;
  /** The namespaces set up for VMs. @default ['default', 'virtual-machines'] (seed 001) */
  readonly vmEnabledNamespaces?: readonly string[];
  /** VLAN filtering on the VM bridge. @default enabled with the RA's values (see VmoVlanFilteringProps) */
  readonly vlanFiltering?: VmoVlanFilteringProps;
  /** The VolumeSnapshotClass VMO creates. @default the RA's Portworx class (see VmoVolumeSnapshotClassProps) */
  readonly volumeSnapshotClass?: VmoVolumeSnapshotClassProps;
  /**
   * KubeVirt feature gates added to the ones the VMO pack requires (those are always kept).
   * @default VMPersistentState, CPUManager, HypervStrictCheck (RA rev 1.7: "persistent TPM, CPU Manager and strict HyperV checking")
   */
  readonly kubevirtFeatureGates?: readonly KubevirtFeatureGate[];
  /**
   * `kubevirt.kubevirtResource.config.additionalConfig.vmStateStorageClass`: where persistent
   * TPM/EFI state is stored (RA rev 1.7: "Configure the storageclass to use to store
   * persistent TPM data"). The RA does not name the class; use one that serves RWX
   * Filesystem volumes so VMs with a persistent TPM can live-migrate.
   * @default 'spectro-storage-class' (the RA's Portworx storage class)
   */
  readonly vmStateStorageClass?: string;
  /** Trust a private CA. @default not enabled (RA rev 1.7: "Custom CA certs <not enabled>") */
  readonly privateCaCertificate?: VmoPrivateCaCertificateProps;
  /** The registry the pack comes from; the pack type follows the registry's kind. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /** The pack's complete default values for this version, exported from Palette. @default none */
  readonly defaults?: PackDefaults;
  /** More values, deep-merged last (after the RA settings). @default none */
  readonly values?: Values;
}

/**
 * The RA's Virtual Machine Orchestrator layer (Core add-on profile), values under
 * `charts.virtual-machine-orchestrator`: dashboard access, no built-in templates, VM
 * namespaces, VLAN filtering on br0, the Portworx snapshot class, the KubeVirt feature
 * gates and the persistent-TPM storage class.
 */
export class VirtualMachineOrchestratorPack extends PackLayer implements IVmoLayer {
  public readonly access: VmoDashboardAccess;
  /** The VM VLANs (`env.allowedVlans`); undefined when VLAN filtering is off. */
  public readonly allowedVlans?: VlanSet | ProfileVariable | string;
  /** Every feature gate written, the required ones first. */
  public readonly featureGates: readonly KubevirtFeatureGate[];

  constructor(scope: Construct, id: string, props: VirtualMachineOrchestratorPackProps = {}) {
    super(scope, id, {
      name: 'virtual-machine-orchestrator',
      version: props.version ?? '4.7.0',
      layer: LayerType.ADDON,
      role: LayerRole.VMO,
      installPriority: props.installPriority ?? 30,
      namespace: VMO_NAMESPACE,
      registry: props.registry,
      defaults: props.defaults,
    });
    this.access = props.access ?? VmoDashboardAccess.PROXIED;
    const consoleBaseAddress = props.consoleBaseAddress;
    if (consoleBaseAddress !== undefined) {
      if (this.access !== VmoDashboardAccess.DIRECT) {
        throw new ValidationError(
          `consoleBaseAddress '${consoleBaseAddress}' is set with ${this.access.label} access: the field guide leaves it empty unless access is Direct; remove it or use VmoDashboardAccess.DIRECT`,
        );
      }
      if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(consoleBaseAddress)) {
        throw new ValidationError(`consoleBaseAddress '${consoleBaseAddress}' is not an address: give the dashboard's LoadBalancer IP (e.g. '10.20.30.10')`);
      }
    }

    const vmEnabledNamespaces = props.vmEnabledNamespaces ?? ['default', 'virtual-machines'];
    const seen = new Set<string>();
    for (const ns of vmEnabledNamespaces) {
      checkNamespace('VM-enabled namespace', ns);
      if (seen.has(ns)) throw new ValidationError(`VM-enabled namespace '${ns}' is listed twice: list each namespace once`);
      seen.add(ns);
    }

    const filtering = props.vlanFiltering ?? {};
    const vlanFiltering = this.renderVlanFiltering(filtering);
    if (filtering.enabled ?? true) this.allowedVlans = filtering.allowedVlans ?? VlanSet.parse('21-100');

    const gates: KubevirtFeatureGate[] = [...VMO_REQUIRED_FEATURE_GATES];
    for (const g of props.kubevirtFeatureGates ?? RA_FEATURE_GATES) {
      if (!gates.some((known) => known.name === g.name)) gates.push(g);
    }
    this.featureGates = gates;

    const vmStateStorageClass = props.vmStateStorageClass ?? 'spectro-storage-class';
    checkName('TPM state storage class', vmStateStorageClass, 'spectro-storage-class');

    this.addValues({
      pack: {
        namespace: VMO_NAMESPACE,
        palette: { config: { dashboard: { access: this.access.value } } },
      },
      charts: {
        'virtual-machine-orchestrator': {
          service: { type: this.access.serviceType },
          ...(consoleBaseAddress !== undefined ? { appConfig: { clusterInfo: { consoleBaseAddress } } } : {}),
          // RA rev 1.7: "All built-in templates in sampleTemplates are disabled"; the
          // Templates profile brings its own.
          sampleTemplates: {
            fedora37: false,
            ubuntu2204: false,
            ubuntu2204WithVol: false,
            ubuntu2204staticIP: false,
            fedora37staticIP: false,
          },
          vmEnabledNamespaces: [...vmEnabledNamespaces],
          vlanFiltering,
          'snapshot-controller': { volumeSnapshotClass: renderSnapshotClass(props.volumeSnapshotClass ?? {}) },
          kubevirt: {
            kubevirtResource: {
              additionalFeatureGates: gates.map((g) => g.name),
              config: { additionalConfig: { vmStateStorageClass } },
            },
          },
          ...(props.privateCaCertificate ? { privateCaCertificate: renderPrivateCa(props.privateCaCertificate) } : {}),
        },
      },
    });
    if (props.values) this.addValues(props.values);
  }

  /** What the written values say: access, VLAN filtering, the private CA, the TPM state class, the snapshot driver. */
  public vmoFacts(rendered: RenderedLayer): VmoFacts {
    const chart = valueAt(rendered.deployed, 'charts', 'virtual-machine-orchestrator');
    const env = valueAt(chart, 'vlanFiltering', 'env');
    const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    const access = text(valueAt(rendered.deployed, 'pack', 'palette', 'config', 'dashboard', 'access'));
    const ca = valueAt(chart, 'privateCaCertificate');
    const onSelf = valueAt(env, 'allowVlansOnSelf');
    const consoleBaseAddress = text(valueAt(chart, 'appConfig', 'clusterInfo', 'consoleBaseAddress'));
    return {
      access: access === VmoDashboardAccess.DIRECT.value ? 'direct' : access === VmoDashboardAccess.PROXIED.value ? 'proxied' : (access ?? 'proxied'),
      vlanFiltering: valueAt(chart, 'vlanFiltering', 'enabled') === true,
      ...(consoleBaseAddress ? { consoleBaseAddress } : {}),
      ...(text(valueAt(env, 'allowedVlans')) !== undefined ? { vmVlans: text(valueAt(env, 'allowedVlans')) } : {}),
      ...(onSelf !== undefined ? { allowVlansOnSelf: onSelf === true || onSelf === 'true' } : {}),
      ...(text(valueAt(env, 'allowedVlansOnSelf')) !== undefined ? { allowedVlansOnSelf: text(valueAt(env, 'allowedVlansOnSelf')) } : {}),
      ...(text(valueAt(env, 'bridgeIF')) !== undefined ? { bridge: text(valueAt(env, 'bridgeIF')) } : {}),
      ...(valueAt(ca, 'enabled') === true
        ? { privateCa: { configMapName: text(valueAt(ca, 'configmapName')) ?? '', key: text(valueAt(ca, 'certificateKey')) ?? '' } }
        : {}),
      ...(text(valueAt(chart, 'kubevirt', 'kubevirtResource', 'config', 'additionalConfig', 'vmStateStorageClass')) !== undefined
        ? { vmStateStorageClass: text(valueAt(chart, 'kubevirt', 'kubevirtResource', 'config', 'additionalConfig', 'vmStateStorageClass')) }
        : {}),
      ...(text(valueAt(chart, 'snapshot-controller', 'volumeSnapshotClass', 'driver')) !== undefined
        ? { snapshotDriver: text(valueAt(chart, 'snapshot-controller', 'volumeSnapshotClass', 'driver')) }
        : {}),
      namespace: text(valueAt(rendered.deployed, 'pack', 'namespace')) ?? VMO_NAMESPACE,
    };
  }

  private renderVlanFiltering(p: VmoVlanFilteringProps): Values {
    if (!(p.enabled ?? true)) return { enabled: false };
    const namespace = p.namespace ?? 'kube-system';
    checkNamespace('VLAN filtering namespace', namespace);
    const bridgeIF = p.bridgeIF ?? 'br0';
    checkInterfaceName(bridgeIF, 'VLAN filtering bridgeIF', 'br0');
    // A list given as text is written as given when it does not parse; VLAN-001 reports it.
    const asSet = (v: VlanSet | ProfileVariable | string): VlanSet | ProfileVariable | string => (typeof v === 'string' ? (tryVlans(v) ?? v) : v);
    const vmVlans = asSet(p.allowedVlans ?? VlanSet.parse('21-100'));
    const hostVlans = asSet(p.allowedVlansOnSelf ?? VlanSet.parse('1,10,20'));
    const texts = [vmVlans, hostVlans].filter((v): v is string => typeof v === 'string');
    if (texts.length) addRuleCheck(this, 'VLAN-001', () => texts.map((t) => vlanListProblem(t)).filter((m): m is string => !!m));
    if (vmVlans instanceof VlanSet && vmVlans.size === 0) {
      throw new ValidationError(`VLAN filtering allowedVlans is empty: give the VLANs VMs may use (e.g. VlanSet.parse('21-100'))`);
    }
    for (const v of [vmVlans, hostVlans]) {
      if (v instanceof ProfileVariable && v.defaultValue !== undefined) checkVlanDefault(v, v.defaultValue);
    }
    const allowVlansOnSelf = p.allowVlansOnSelf ?? true;
    if (allowVlansOnSelf instanceof ProfileVariable && allowVlansOnSelf.defaultValue !== undefined && !['true', 'false'].includes(allowVlansOnSelf.defaultValue)) {
      throw new ValidationError(
        `allowVlansOnSelf variable '${allowVlansOnSelf.name}' has default '${allowVlansOnSelf.defaultValue}': the pack takes 'true' or 'false'`,
      );
    }
    return {
      enabled: true,
      namespace,
      env: {
        bridgeIF,
        allowedVlans: vmVlans instanceof VlanSet ? vmVlans.toString() : vmVlans,
        // The pack reads a string, not a YAML boolean.
        allowVlansOnSelf: allowVlansOnSelf instanceof ProfileVariable ? allowVlansOnSelf.asText() : String(allowVlansOnSelf),
        allowedVlansOnSelf: this.vlansOnSelf(vmVlans, hostVlans),
      },
    };
  }

  /** The host's VLANs plus the VM VLANs: one merged list when both are literal. */
  private vlansOnSelf(vm: VlanSet | ProfileVariable | string, host: VlanSet | ProfileVariable | string): ValueNode {
    if (vm instanceof VlanSet && host instanceof VlanSet) return host.union(vm).toString();
    if (host instanceof VlanSet && host.size === 0) return vm instanceof VlanSet ? vm.toString() : vm;
    // A variable inside a longer string is declared on the layer by hand.
    const part = (v: VlanSet | ProfileVariable | string) => (v instanceof VlanSet ? v.toString() : typeof v === 'string' ? v : this.useVariable(v));
    return `${part(host)},${part(vm)}`;
  }
}

/** A VLAN variable's default must be a VLAN list the pack accepts. */
function checkVlanDefault(v: ProfileVariable, value: string): void {
  try {
    VlanSet.parse(value);
  } catch (e) {
    throw new ValidationError(`VLAN variable '${v.name}' has an invalid default: ${(e as Error).message}`);
  }
}

function renderSnapshotClass(p: VmoVolumeSnapshotClassProps): Values {
  const name = p.name ?? 'portworx-snapshot-class';
  const driver = p.driver ?? 'pxd.portworx.com';
  checkName('volume snapshot class', name, 'portworx-snapshot-class');
  if (driver.length > 63 || !/^[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?$/.test(driver)) {
    throw new ValidationError(`volume snapshot class driver '${driver}' is not a CSI driver name: use the driver's registered name (e.g. 'pxd.portworx.com')`);
  }
  return {
    create: true,
    name,
    driver,
    deletionPolicy: p.deletionPolicy ?? VolumeSnapshotClassDeletionPolicy.DELETE,
    params: { ...(p.params ?? {}) },
    extraLabels: { ...(p.extraLabels ?? { 'velero.io/csi-volumesnapshot-class': 'true' }) },
  };
}

function renderPrivateCa(p: VmoPrivateCaCertificateProps): Values {
  const configmapName = p.configmapName ?? 'custom-ca';
  const certificateKey = p.certificateKey ?? 'cert';
  const mountPath = p.mountPath ?? '/etc/ssl/certs/';
  checkName('private CA ConfigMap', configmapName, 'custom-ca');
  if (!/^[-._a-zA-Z0-9]{1,253}$/.test(certificateKey)) {
    throw new ValidationError(`private CA certificateKey '${certificateKey}' is not a ConfigMap key: use letters, digits, '-', '_' and '.' (e.g. 'cert')`);
  }
  if (!mountPath.startsWith('/')) {
    throw new ValidationError(`private CA mountPath '${mountPath}' is not an absolute path: start it with '/' (e.g. '/etc/ssl/certs/')`);
  }
  return { enabled: true, configmapName, certificateKey, mountPath };
}

function checkNamespace(what: string, ns: string): void {
  if (!isDnsLabel(ns)) {
    throw new ValidationError(`${what} '${ns}' is not a valid namespace name: use lowercase letters, digits and '-', at most 63 characters (e.g. 'virtual-machines')`);
  }
}

function checkName(what: string, name: string, example: string): void {
  if (!isDnsSubdomain(name)) {
    throw new ValidationError(`${what} name '${name}' is invalid: use lowercase letters, digits, '-' and '.' (e.g. '${example}')`);
  }
}
