import { MAX_VLAN_ID, MIN_VLAN_ID, VlanSet } from '../common/vlan-set';
import { parseIpv4Address, parseIpv4Cidr, ipv4ToString } from '../common/ipv4-block';
import { tryVlans } from '../common/vlan-list';
import { bridgeHasAddress, HostNetworkPlan, planHostNetwork, vlansOn } from './host-network';
import { MaasPlan, planMaas } from './maas-plan';
import { RA_DEFAULTS } from './ra-defaults';
import { VmoSiteProps } from './site-props';

/**
 * A site with every default filled in and every derived setting worked out: the one
 * model the layers are built from and the rules check. Derived settings appear once,
 * here, and nowhere else.
 */
export interface SitePlan {
  readonly name: string;
  readonly profileNamePrefix: string;
  readonly profileVersion: string;
  /** The CA certificates as written (`file` entries are read by the site-file loader; a program gives `pem`). */
  readonly os: { readonly caCertificates: readonly { readonly name: string; readonly pem?: string; readonly file?: string }[] };
  readonly kubernetes: {
    readonly version: string;
    readonly podCidr: string;
    readonly serviceCidr: string;
    readonly maxPodsPerNode: number;
    readonly nodePodCidrPrefix: number;
    readonly identityProvider: 'palette' | 'tenant' | 'custom' | 'noauth';
    readonly oidc?: { readonly issuerUrl: string; readonly clientId: string; readonly usernameClaim?: string; readonly groupsClaim?: string };
  };
  /** `workerCpus`: the RA's recommended worker (48 cores, seed 002:240) unless the site says. */
  readonly nodes: { readonly controlPlane: number; readonly workers: number; readonly workerCpus: number };
  readonly network: HostNetworkPlan;
  /** The VM VLANs as written (VLAN-001 checks the text). */
  readonly vmVlans: string;
  readonly loadBalancer: {
    readonly mode: 'l2' | 'bgp';
    readonly pools: readonly { readonly name: string; readonly addresses: readonly string[]; readonly autoAssign: boolean; readonly avoidBuggyIPs: boolean }[];
    /** Derived: MetalLB L2 advertises on the data VLAN interface only (RA rev 1.7). */
    readonly l2Interfaces: readonly string[];
    readonly bgp?: { readonly myAsn: number; readonly peers: readonly { readonly address: string; readonly asn: number }[] };
  };
  readonly storage: {
    /** The CSI backend. */
    readonly backend: StorageBackend;
    readonly longhorn: { readonly version: string; readonly replicas: number; readonly overProvisioningPercentage: number; readonly dataPath?: string };
    readonly rookCeph: { readonly version: string; readonly replicas: number; readonly objectStore: boolean };
    readonly portworxVersion: string;
    readonly sanType: string;
    readonly deviceSizeGiB: number;
    readonly replication: number;
    readonly maxStorageNodes: number;
    readonly flashArrays: readonly { readonly mgmtEndpoint: string }[];
    readonly preferRemoteNodeOnly: boolean;
    /** Derived: Portworx management and data traffic on the mgmt VLAN interface (RA rev 1.7). */
    readonly portworxInterface: string;
  };
  readonly vmo: {
    readonly access: 'proxied' | 'direct';
    /** The dashboard's LoadBalancer address with direct access (VMO `consoleBaseAddress`). */
    readonly dashboardAddress?: string;
    readonly vmEnabledNamespaces: readonly string[];
    readonly allowVlansOnSelf: boolean;
    readonly allowedVlansOnSelf: string;
    /**
     * The VLANs the host itself uses on the VM bridge: 1 when it has an address, plus its
     * subinterfaces (the RA's "VLANs on top of br0" variable). With nothing on br0 (four NICs)
     * allowVlansOnSelf is off and the list unused; it is then '1' to stay well-formed.
     */
    readonly hostBridgeVlans: string;
    readonly privateCa?: { readonly configMapName: string; readonly key: string };
  };
  readonly cilium: {
    readonly bridgeInterface: 'autodetect' | 'br0';
    readonly forceDeviceDetection: boolean;
    readonly podNetworking: 'vxlan' | 'geneve' | 'native';
    readonly ipv4NativeRoutingCidr?: string;
  };
  readonly monitoring: { readonly grafanaHost: string };
  readonly templates: {
    readonly networks: readonly { readonly vlan: number; readonly name: string; readonly namespaces: readonly string[] }[];
    readonly untaggedNetwork: boolean;
    readonly goldenImages: boolean;
    /** Undefined: the layer's default (Ubuntu: the RA's container disk; Windows: a deploy-time variable). */
    readonly goldenImageSources: { readonly ubuntu2204?: string; readonly windows2022?: string };
  };
  readonly profiles: {
    readonly layout: 'full' | 'split' | 'both';
    readonly variables: boolean;
    readonly names: { readonly full: string; readonly infra: string; readonly core: string; readonly templates: string };
  };
  /** The MAAS cluster, when the site describes it (`maas`). */
  readonly maas?: MaasPlan;
  readonly installPriorities: { readonly metallb: number; readonly nginx: number; readonly monitoring: number; readonly vmo: number; readonly templates: number };
  readonly suppressions: readonly { readonly ruleId: string; readonly reason: string }[];
}

/** A CSI backend a site may choose (`storage.backend`). */
export type StorageBackend = NonNullable<NonNullable<VmoSiteProps['storage']>['backend']>;

/** The RA's MetalLB block (rev 1.2 values: 10.20.30.100-10.20.30.200), moved into the site's data subnet. */
function defaultPool(dataCidr: string, gateway?: string): string {
  const cidr = parseIpv4Cidr(dataCidr);
  // NET-001 reports a bad CIDR; a network smaller than a /24 has no .100-.200 block.
  if (!cidr || (cidr.prefix ?? 32) > 24) return dataCidr;
  const base = parseIpv4Address(gateway) ?? parseIpv4Address(dataCidr.split('/')[0]) ?? cidr.first;
  const [a, b, c] = ipv4ToString(base).split('.');
  return `${a}.${b}.${c}.100-${a}.${b}.${c}.200`;
}


/**
 * The RA's profile names (seed 002: VMO-RA-Infra-MaaS-PureFlashArray, VMO-RA-Core-PXKE, VMO-RA-Templates), unless named;
 * the Infra name follows the storage backend.
 */
function profileNames(prefix: string, given: NonNullable<NonNullable<VmoSiteProps['profiles']>['names']>, backend: StorageBackend): SitePlan['profiles']['names'] {
  const infra = RA_DEFAULTS.profileNameSuffixes.infra;
  return {
    full: given.full ?? `${prefix}-Full`,
    infra: given.infra ?? `${prefix}-${infra[backend] ?? infra.portworx}`,
    core: given.core ?? `${prefix}-${RA_DEFAULTS.profileNameSuffixes.core}`,
    templates: given.templates ?? `${prefix}-${RA_DEFAULTS.profileNameSuffixes.templates}`,
  };
}

/** Resolves a site description; `name` falls back to `fallbackName` (the construct id). */
export function planSite(props: VmoSiteProps, fallbackName = 'site'): SitePlan {
  const name = props.name ?? fallbackName;
  const k = props.kubernetes ?? {};
  const nodes = {
    controlPlane: props.nodes?.controlPlane ?? RA_DEFAULTS.nodes.controlPlane,
    workers: props.nodes?.workers ?? RA_DEFAULTS.nodes.workers,
    workerCpus: props.nodes?.workerCpus ?? RA_DEFAULTS.nodes.workerCpus,
  };
  const network = planHostNetwork(props.network);
  const vmVlans = props.vmVlans ?? RA_DEFAULTS.vmVlans;
  const px = props.storage?.portworx ?? {};
  const longhorn = props.storage?.longhorn ?? {};
  const rookCeph = props.storage?.rookCeph ?? {};
  const backend = props.storage?.backend ?? RA_DEFAULTS.storageBackend;

  // RA VMO layer: "Enable this option when the br0 interface on the host has an IP address
  // or has VLAN-subinterfaces defined"; allowedVlansOnSelf = VLAN 1 if br0 has an address,
  // the br0 subinterface VLANs, and the VM VLANs.
  // Out-of-range ids are left to VLAN-001 to report; the derivation only uses valid ones.
  const br0Vlans = vlansOn(network, network.vmBridge).filter((id) => Number.isInteger(id) && id >= MIN_VLAN_ID && id <= MAX_VLAN_ID);
  const hasAddress = bridgeHasAddress(network);
  const derivedAllowOnSelf = hasAddress || br0Vlans.length > 0;
  const selfSet = VlanSet.of(...(hasAddress ? [1] : []), ...br0Vlans);
  const vmSet = tryVlans(vmVlans);
  const derivedAllowedOnSelf = (vmSet ? selfSet.union(vmSet) : selfSet).toString();

  const nodeOnBridge = network.mgmt.interface === network.vmBridge;
  const podNetworking = props.cilium?.podNetworking ?? 'vxlan';
  const podCidr = k.podCidr ?? RA_DEFAULTS.kubernetes.podCidr;
  // The RA's sample VM network is VLAN 30; a site whose VM VLANs leave 30 out gets its lowest VM VLAN.
  const defaultVmVlan = !vmSet || vmSet.has(RA_DEFAULTS.vmNetworkVlan) ? RA_DEFAULTS.vmNetworkVlan : (vmSet.toArray()[0] ?? RA_DEFAULTS.vmNetworkVlan);

  return {
    name,
    profileNamePrefix: props.profileNamePrefix ?? RA_DEFAULTS.profileNamePrefix,
    profileVersion: props.profileVersion ?? RA_DEFAULTS.profileVersion,
    os: { caCertificates: props.os?.caCertificates ?? [] },
    kubernetes: {
      version: k.version ?? RA_DEFAULTS.kubernetes.version,
      podCidr,
      serviceCidr: k.serviceCidr ?? RA_DEFAULTS.kubernetes.serviceCidr,
      maxPodsPerNode: k.maxPodsPerNode ?? RA_DEFAULTS.kubernetes.maxPodsPerNode,
      nodePodCidrPrefix: k.nodePodCidrPrefix ?? RA_DEFAULTS.kubernetes.nodePodCidrPrefix,
      identityProvider: k.identityProvider ?? RA_DEFAULTS.kubernetes.identityProvider,
      ...(k.oidc ? { oidc: k.oidc } : {}),
    },
    nodes,
    network,
    vmVlans,
    loadBalancer: {
      mode: props.loadBalancer?.mode ?? 'l2',
      pools: (props.loadBalancer?.pools ?? [{ name: 'first-pool', addresses: [defaultPool(network.data.cidr, network.data.gateway)] }]).map((p) => ({
        name: p.name,
        addresses: [...p.addresses],
        autoAssign: p.autoAssign ?? true,
        avoidBuggyIPs: p.avoidBuggyIPs ?? true,
      })),
      l2Interfaces: [network.data.interface],
      ...(props.loadBalancer?.bgp ? { bgp: props.loadBalancer.bgp } : {}),
    },
    storage: {
      backend,
      longhorn: {
        version: longhorn.version ?? RA_DEFAULTS.longhorn.version,
        replicas: longhorn.replicas ?? RA_DEFAULTS.longhorn.replicas,
        overProvisioningPercentage: longhorn.overProvisioningPercentage ?? RA_DEFAULTS.longhorn.overProvisioningPercentage,
        ...(longhorn.dataPath !== undefined ? { dataPath: longhorn.dataPath } : {}),
      },
      rookCeph: {
        version: rookCeph.version ?? RA_DEFAULTS.rookCeph.version,
        replicas: rookCeph.replicas ?? RA_DEFAULTS.rookCeph.replicas,
        objectStore: rookCeph.objectStore ?? RA_DEFAULTS.rookCeph.objectStore,
      },
      portworxVersion: px.version ?? RA_DEFAULTS.portworx.version,
      sanType: px.sanType ?? RA_DEFAULTS.portworx.sanType,
      deviceSizeGiB: px.deviceSizeGiB ?? RA_DEFAULTS.portworx.deviceSizeGiB,
      replication: px.replication ?? RA_DEFAULTS.portworx.replication,
      maxStorageNodes: px.maxStorageNodes ?? nodes.workers,
      flashArrays: px.flashArrays ?? [{ mgmtEndpoint: RA_DEFAULTS.portworx.flashArrayEndpoint }],
      preferRemoteNodeOnly: px.preferRemoteNodeOnly ?? false,
      portworxInterface: network.mgmt.interface,
    },
    vmo: {
      access: props.vmo?.access ?? RA_DEFAULTS.vmo.access,
      ...(props.vmo?.dashboardAddress !== undefined ? { dashboardAddress: props.vmo.dashboardAddress } : {}),
      vmEnabledNamespaces: props.vmo?.vmEnabledNamespaces ?? RA_DEFAULTS.vmo.vmEnabledNamespaces,
      allowVlansOnSelf: props.vmo?.allowVlansOnSelf ?? derivedAllowOnSelf,
      allowedVlansOnSelf: props.vmo?.allowedVlansOnSelf ?? derivedAllowedOnSelf,
      hostBridgeVlans: selfSet.size ? selfSet.toString() : '1',
      ...(props.vmo?.privateCa ? { privateCa: { configMapName: props.vmo.privateCa.configMapName, key: props.vmo.privateCa.key ?? RA_DEFAULTS.vmo.privateCaKey } } : {}),
    },
    cilium: {
      // RA: "If for some reason the Kubernetes nodes do not run on a VLAN subinterface, but on
      // the br0 interface directly, you must enable the Run Cilium On Bridge (br0) preset".
      bridgeInterface: props.cilium?.bridgeInterface ?? (nodeOnBridge ? 'br0' : 'autodetect'),
      forceDeviceDetection: props.cilium?.forceDeviceDetection ?? true,
      podNetworking,
      ...(podNetworking === 'native' ? { ipv4NativeRoutingCidr: props.cilium?.ipv4NativeRoutingCidr ?? podCidr } : {}),
    },
    monitoring: { grafanaHost: props.monitoring?.grafanaHost ?? `grafana.${name}.local` },
    templates: {
      networks: (props.templates?.networks ?? [{ vlan: defaultVmVlan }]).map((n) => ({
        vlan: n.vlan,
        name: n.name ?? `vlan-${n.vlan}`,
        namespaces: n.namespaces ?? ['default'],
      })),
      untaggedNetwork: props.templates?.untaggedNetwork ?? true,
      goldenImages: props.templates?.goldenImages ?? true,
      goldenImageSources: props.templates?.goldenImageSources ?? {},
    },
    profiles: {
      layout: props.profiles?.layout ?? 'both',
      variables: props.profiles?.variables ?? false,
      names: profileNames(props.profileNamePrefix ?? RA_DEFAULTS.profileNamePrefix, props.profiles?.names ?? {}, backend),
    },
    ...(props.maas ? { maas: planMaas(props.maas, nodes, name) } : {}),
    installPriorities: RA_DEFAULTS.installPriorities,
    suppressions: props.suppressions ?? [],
  };
}
