/**
 * The description of one VMO site, in the reference architecture's terms. It is plain
 * data on purpose: the same shape is a site YAML file (see site-schema.ts), so a GitOps
 * repository can hold one file per site and no code. Everything a layer needs that
 * follows from these facts is derived, never restated.
 */
export interface VmoSiteProps {
  /** The output folder, `dist/<name>/`; lowercase, digits and dashes. Required in site files. @default the construct id */
  readonly name?: string;
  /** Prefix of the profile names, e.g. `VMO-RA` gives `VMO-RA-Infra`. @default 'VMO-RA' */
  readonly profileNamePrefix?: string;
  /** Version of every profile this site writes. @default '1.7.0' (RA rev 1.7) */
  readonly profileVersion?: string;
  readonly kubernetes?: KubernetesSettings;
  readonly nodes?: NodeCounts;
  /** The host network layout: which NICs, bonds, VLAN subinterfaces and bridge each worker has. */
  readonly network: HostNetworkSettings;
  /** VLANs VMs may use on br0 (the VMO `allowedVlans`). @default '21-100' (RA network table) */
  readonly vmVlans?: string;
  readonly loadBalancer?: LoadBalancerSettings;
  readonly storage?: StorageSettings;
  readonly vmo?: VmoSettings;
  readonly cilium?: CiliumSettings;
  readonly monitoring?: MonitoringSettings;
  readonly templates?: TemplatesSettings;
  readonly profiles?: ProfileLayoutSettings;
  /** Rules turned off for this site, each with a reason of at least 10 characters. @default none */
  readonly suppressions?: readonly { readonly ruleId: string; readonly reason: string }[];
}

export interface KubernetesSettings {
  /** PXK version. @default '1.32.4' */
  readonly version?: string;
  /** @default '100.64.0.0/18' (RA "Solution Sizing": 64 nodes) */
  readonly podCidr?: string;
  /** @default '100.64.64.0/18' */
  readonly serviceCidr?: string;
  /** @default 250 (RA "Maximum number of pods configured to 250") */
  readonly maxPodsPerNode?: number;
  /** Prefix length of the pod CIDR block each node gets. @default 24 */
  readonly nodePodCidrPrefix?: number;
  /** @default 'palette' (RA Kubernetes layer: "The OIDC Identity Provider is set to Palette") */
  readonly identityProvider?: 'palette' | 'tenant' | 'custom' | 'noauth';
  /** OIDC settings when identityProvider is 'custom'. */
  readonly oidc?: { readonly issuerUrl: string; readonly clientId: string; readonly usernameClaim?: string; readonly groupsClaim?: string };
}

export interface NodeCounts {
  /** @default 3 */
  readonly controlPlane?: number;
  /** @default 5 (RA: "We recommend a minimum worker pool of 5 nodes") */
  readonly workers?: number;
}

/** A subnet on a host network: its CIDR and, where it has one, the default gateway. */
export interface SubnetSettings {
  /** 802.1Q VLAN id; 0 means native (untagged). */
  readonly vlan: number;
  readonly cidr: string;
  /** @default no gateway */
  readonly gateway?: string;
}

export interface HostNetworkSettings {
  /**
   * - `four-nic`: bond_mgmt (PXE native + bond_mgmt.<mgmt>), bond_data (bond_data.<data> with the gateway) and br0 on bond_data;
   * - `two-nic`: bond0 with bond0.<mgmt> and bond0.<data>, br0 on bond0 carrying the PXE address;
   * - `two-nic-vm-on-data-vlan`: as two-nic, but the data VLAN is br0.<data>, so VMs may use it too.
   */
  readonly layout: 'four-nic' | 'two-nic' | 'two-nic-vm-on-data-vlan';
  /** The PXE (MAAS deployment) network. @default vlan 0 (native), 192.168.0.0/22 */
  readonly pxe?: SubnetSettings;
  /** The Kubernetes hosts (mgmt) network; node IPs and Portworx traffic. */
  readonly mgmt: SubnetSettings;
  /** The end-user access (data) network; default gateway and MetalLB addresses. */
  readonly data: SubnetSettings;
  /** Bonding mode of every bond, as MAAS names it. @default '802.3ad' (RA, mode 4) */
  readonly bondMode?: 'balance-rr' | 'active-backup' | 'balance-xor' | 'broadcast' | '802.3ad' | 'balance-tlb' | 'balance-alb';
  /** Physical NIC names, in the RA's order. @default enp1s0, enp2s0 (and enp1s1, enp2s1 for four NICs) */
  readonly nics?: readonly string[];
  /** The interface Multus attaches VMs to. @default 'br0' */
  readonly vmBridge?: string;
}

export interface LoadBalancerSettings {
  /** Address pools: CIDRs or `a.b.c.d-e.f.g.h` ranges inside the data subnet. @default one pool 'first-pool' with the RA block .100-.200 of the data subnet's third octet network */
  readonly pools?: readonly { readonly name: string; readonly addresses: readonly string[]; readonly autoAssign?: boolean; readonly avoidBuggyIPs?: boolean }[];
  /** @default 'l2' */
  readonly mode?: 'l2' | 'bgp';
  /** BGP peering when mode is 'bgp'. */
  readonly bgp?: { readonly myAsn: number; readonly peers: readonly { readonly address: string; readonly asn: number }[] };
}

export interface StorageSettings {
  /** Portworx on Pure FlashArray. */
  readonly portworx?: {
    /** @default '3.3.1' */
    readonly version?: string;
    /** @default 'FC' (RA rev 1.7) */
    readonly sanType?: 'FC' | 'ISCSI';
    /** Size of the FlashArray LUN each worker contributes. @default 1024 */
    readonly deviceSizeGiB?: number;
    /** Replication factor of the VM storage class. @default 2 (RA rev 1.7) */
    readonly replication?: number;
    /** @default the worker count (RA rev 1.7) */
    readonly maxStorageNodes?: number;
    /** FlashArray management endpoints; the API token is a sensitive profile variable. */
    readonly flashArrays?: readonly { readonly mgmtEndpoint: string }[];
    /** Stork's preferRemoteNodeOnly on the VM storage class (needs more than 6 workers). @default false */
    readonly preferRemoteNodeOnly?: boolean;
  };
}

export interface VmoSettings {
  /** @default 'proxied' (RA: recommended for Palette SaaS) */
  readonly access?: 'proxied' | 'direct';
  /** @default ['default', 'virtual-machines'] */
  readonly vmEnabledNamespaces?: readonly string[];
  /** Overrides the derived vlanFiltering allowVlansOnSelf. @default derived from what sits on br0 */
  readonly allowVlansOnSelf?: boolean;
  /** Overrides the derived allowedVlansOnSelf. @default VM VLANs + br0's VLANs (+1 when br0 has an address) */
  readonly allowedVlansOnSelf?: string;
  /** A private CA for the VMO dashboard, from a ConfigMap installed earlier. @default none */
  readonly privateCa?: { readonly configMapName: string; readonly key?: string };
}

export interface CiliumSettings {
  /** Overrides the derived bridge preset. @default derived: 'br0' when node IPs sit on the bridge itself, else 'autodetect' */
  readonly bridgeInterface?: 'autodetect' | 'br0';
  /** @default true (RA rev 1.7) */
  readonly forceDeviceDetection?: boolean;
  /** @default 'vxlan' (RA) */
  readonly podNetworking?: 'vxlan' | 'geneve' | 'native';
  /** Native routing CIDR when podNetworking is 'native'. @default the pod CIDR */
  readonly ipv4NativeRoutingCidr?: string;
}

export interface MonitoringSettings {
  /** Host name of the Grafana ingress. @default 'grafana.<site name>.local' */
  readonly grafanaHost?: string;
}

export interface TemplatesSettings {
  /** VM networks (one NAD each) on br0. @default the RA sample: VLAN 30, plus an untagged network */
  readonly networks?: readonly { readonly vlan: number; readonly name?: string; readonly namespaces?: readonly string[] }[];
  /** Offer an untagged network too. @default true */
  readonly untaggedNetwork?: boolean;
  /** @default true */
  readonly goldenImages?: boolean;
}

export interface ProfileLayoutSettings {
  /** `full`: one Full profile; `split`: Infra + Core + Templates; `both`. @default 'both' */
  readonly layout?: 'full' | 'split' | 'both';
  /**
   * The profile names. A profile name and version has one content in Palette, so sites that
   * bake different values into their profiles need their own names (or versions).
   * @default the RA's: `<prefix>-Full`, `<prefix>-Infra-MaaS-PureFlashArray`, `<prefix>-Core-PXKE`, `<prefix>-Templates`
   */
  readonly names?: { readonly full?: string; readonly infra?: string; readonly core?: string; readonly templates?: string };
  /** Expose the rev 1.7 profile variables instead of baking the values in. @default false */
  readonly variables?: boolean;
}
