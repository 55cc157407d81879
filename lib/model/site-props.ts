/*
 * The description of one VMO site, in the reference architecture's terms. It is plain data on
 * purpose: the same shape is a site YAML file, so a GitOps repository can hold one file per site
 * and no code. The site JSON Schema (schema/site.schema.json, `npm run schema`) is generated from
 * these interfaces: each description, default and constraint below is what editors show and what
 * site files are checked against. A default that follows from other settings is given as text.
 */

/** A site: its hosts, networks, storage and VMs, from which every layer and profile follows. */
export interface VmoSiteProps {
  /**
   * The site's name: it names the output folder `dist/<name>/`. Required in site files; a
   * program's site defaults to its construct id.
   * @pattern ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$
   * @examples ["lab-east"]
   */
  readonly name?: string;
  /**
   * The first part of every profile name (`VMO-RA` gives `VMO-RA-Infra-MaaS-PureFlashArray`; with Longhorn `VMO-RA-Infra-MaaS-Longhorn`, with Rook-Ceph `VMO-RA-Infra-MaaS-RookCeph`).
   * @pattern ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$
   * @default "VMO-RA"
   */
  readonly profileNamePrefix?: string;
  /**
   * The version of every profile this site writes (semantic version). A profile name and
   * version has one content in Palette: bump it when the content changes.
   * @pattern ^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$
   * @default "1.7.0"
   */
  readonly profileVersion?: string;
  /** The OS layer (Ubuntu on MAAS). */
  readonly os?: OsSettings;
  /** The Kubernetes layer (PXK). */
  readonly kubernetes?: KubernetesSettings;
  /** How many nodes of each kind the cluster has. */
  readonly nodes?: NodeCounts;
  /** The host network layout: which NICs, bonds, VLAN subinterfaces and bridge each worker has. */
  readonly network: HostNetworkSettings;
  /**
   * The VLANs VMs may use on br0 (the VMO layer's `allowedVlans`): ids and ranges, e.g. `21-100` or `100,200-210`.
   * @default "21-100"
   * @examples ["21-100"]
   */
  readonly vmVlans?: string;
  /** The MetalLB layer: address pools and how they are announced. */
  readonly loadBalancer?: LoadBalancerSettings;
  /** The CSI layer. */
  readonly storage?: StorageSettings;
  /** The Virtual Machine Orchestrator layer. */
  readonly vmo?: VmoSettings;
  /** The Cilium layer. */
  readonly cilium?: CiliumSettings;
  /** The Prometheus-Grafana layer. */
  readonly monitoring?: MonitoringSettings;
  /** The Templates profile: VM networks, golden images, preferences and VM templates. */
  readonly templates?: TemplatesSettings;
  /** Which profiles the site writes, their names, and whether they use profile variables. */
  readonly profiles?: ProfileLayoutSettings;
  /**
   * The MAAS cluster Palette deploys from the profiles: cloud account, DNS domain, machine pools,
   * time and keys. With it the site also writes `deploy/` (Terraform JSON and the Palette API payload).
   */
  readonly maas?: MaasSettings;
  /**
   * Rules turned off for this site, each with a reason of at least 10 characters; recorded in checks.json.
   * @default "none"
   */
  readonly suppressions?: readonly SuppressionSettings[];
  /**
   * A folder of pack defaults of your own (exported from your Palette, or `palette-vmo packs pull`),
   * laid out `<pack name>/<version>/values.yaml` (with `presets.yaml` and `schema.yaml` where the pack
   * has them), asked before the built-in catalog; comments in it are kept in the output. In a site
   * file, a relative path is relative to the file.
   * @default the built-in catalog only
   * @minLength 1
   */
  readonly packCatalog?: string;
}

/** A rule turned off for a site. */
export interface SuppressionSettings {
  /**
   * The rule id a finding shows, e.g. `NET-008`.
   * @pattern ^[A-Z]+-\d{3}$
   */
  readonly ruleId: string;
  /**
   * Why the rule does not apply to this site.
   * @minLength 10
   */
  readonly reason: string;
}

export interface OsSettings {
  /**
   * CA certificates every node trusts: the OS layer installs each one in
   * /usr/local/share/ca-certificates and runs update-ca-certificates (RA rev 1.7 Ubuntu layer:
   * the CA that issued Palette's certificate when Palette is the OIDC provider, or a private
   * OIDC provider's CA).
   * @default none
   */
  readonly caCertificates?: readonly CaCertificateSettings[];
}

/** A CA certificate, as PEM text or as a file beside the site file; give one of `pem` and `file`. */
export interface CaCertificateSettings {
  /**
   * The certificate's file name on the nodes, without `.crt` (`/usr/local/share/ca-certificates/<name>.crt`).
   * @pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$
   * @examples ["palette-ca"]
   */
  readonly name: string;
  /**
   * The PEM certificate, from `-----BEGIN CERTIFICATE-----` to `-----END CERTIFICATE-----`.
   * @default none: give pem or file
   */
  readonly pem?: string;
  /**
   * A PEM file in the site repository, relative to the site file (e.g. `certs/palette-ca.pem`);
   * it is read when the site file is loaded. Programs pass `pem` instead.
   * @default none: give pem or file
   */
  readonly file?: string;
}

export interface KubernetesSettings {
  /**
   * The PXK pack version.
   * @default "1.32.4"
   */
  readonly version?: string;
  /**
   * The pod network: one node block (a /24 by default) per node plus one spare (RA "Solution Sizing": 64 nodes in a /18).
   * @default "100.64.0.0/18"
   */
  readonly podCidr?: string;
  /**
   * The service network.
   * @default "100.64.64.0/18"
   */
  readonly serviceCidr?: string;
  /**
   * kubelet's pod limit per node (RA: "Maximum number of pods configured to 250"); it must fit a node block.
   * @asType integer
   * @minimum 1
   * @default 250
   */
  readonly maxPodsPerNode?: number;
  /**
   * The prefix of the pod CIDR block each node gets (kube-controller-manager `--node-cidr-mask-size`).
   * @asType integer
   * @minimum 1
   * @maximum 32
   * @default 24
   */
  readonly nodePodCidrPrefix?: number;
  /**
   * Who signs users in to the VM dashboard: `palette` (the RA's), `tenant`, `custom` (OIDC settings below) or `noauth` (no login, rule SEC-003).
   * @default "palette"
   */
  readonly identityProvider?: 'palette' | 'tenant' | 'custom' | 'noauth';
  /** OIDC settings when identityProvider is `custom`. */
  readonly oidc?: OidcSettings;
}

export interface OidcSettings {
  /** The OIDC issuer URL. */
  readonly issuerUrl: string;
  /** The client id the API server accepts tokens for. */
  readonly clientId: string;
  /**
   * The token claim the API server takes as the user name (`oidc-username-claim`).
   * @default "email"
   */
  readonly usernameClaim?: string;
  /**
   * The token claim the API server takes the user's groups from (`oidc-groups-claim`), which role bindings name.
   * @default "groups"
   */
  readonly groupsClaim?: string;
}

/** How many nodes of each kind the cluster has, and the CPUs of a worker. */
export interface NodeCounts {
  /**
   * Control-plane nodes: an odd number, at least 3 (etcd quorum).
   * @asType integer
   * @minimum 1
   * @default 3
   */
  readonly controlPlane?: number;
  /**
   * Worker nodes (RA: "We recommend a minimum worker pool of 5 nodes").
   * @asType integer
   * @minimum 1
   * @default 5
   */
  readonly workers?: number;
  /**
   * The logical CPUs of each worker (cores x threads per core, as `nproc` counts them). The
   * cores reserved for the OS, containerd and kubelet follow from it: the RA's cores 0-7, but
   * at most half the worker's CPUs on smaller workers (rule CAP-004 refuses a reservation that
   * leaves none). The default is the RA's recommended worker ("48+ cores"); its minimum is 8.
   * @asType integer
   * @minimum 1
   * @default 48
   */
  readonly workerCpus?: number;
}

/** A subnet on a host network: its VLAN, its CIDR and, where it has one, the default gateway. */
export interface SubnetSettings {
  /**
   * The 802.1Q VLAN id; 0 means native (untagged).
   * @asType integer
   * @minimum 0
   * @maximum 4094
   */
  readonly vlan: number;
  /** The network address and prefix, e.g. `172.16.0.0/22`. */
  readonly cidr: string;
  /**
   * The default gateway address, inside the subnet. The RA gives only the end user access (data) network one
   * ("bond_data.20 ... provides outbound connectivity as it has the default gateway"; the deployment and mgmt
   * networks: "Gateway None"), and a host has one default gateway (NET-011).
   * @default "none: the subnet has no gateway"
   */
  readonly gateway?: string;
}

export interface HostNetworkSettings {
  /**
   * The NIC layout of the workers:
   * `four-nic`: bond_mgmt (PXE native + bond_mgmt.<mgmt>), bond_data (bond_data.<data> with the gateway) and br0 on bond_data;
   * `two-nic`: bond0 with bond0.<mgmt> and bond0.<data>, br0 on bond0 carrying the PXE address;
   * `two-nic-vm-on-data-vlan`: as two-nic, but the data VLAN is br0.<data>, so VMs may use it too.
   */
  readonly layout: 'four-nic' | 'two-nic' | 'two-nic-vm-on-data-vlan';
  /**
   * The PXE (MAAS deployment) network.
   * @default {"vlan":0,"cidr":"192.168.0.0/22"}
   */
  readonly pxe?: SubnetSettings;
  /** The Kubernetes hosts (mgmt) network: node IPs and Portworx traffic. */
  readonly mgmt: SubnetSettings;
  /** The end-user access (data) network: the default gateway and the MetalLB addresses. */
  readonly data: SubnetSettings;
  /**
   * The bonding mode of every bond, as MAAS names it; the RA uses 802.3ad (mode 4). Modes 1, 2 and 4 are allowed under a VM bridge.
   * @default "802.3ad"
   */
  readonly bondMode?: 'balance-rr' | 'active-backup' | 'balance-xor' | 'broadcast' | '802.3ad' | 'balance-tlb' | 'balance-alb';
  /**
   * The physical NIC names, in the RA's order (two for the two-NIC layouts, four for four-nic).
   * @default "enp1s0, enp2s0 (and enp1s1, enp2s1 for four NICs)"
   */
  readonly nics?: readonly string[];
  /**
   * The interface Multus attaches VMs to.
   * @default "br0"
   */
  readonly vmBridge?: string;
}

/** One Pure FlashArray Portworx uses (its entry in `pure.json`, the `px-pure-secret`). */
export interface FlashArraySettings {
  /**
   * The IP address of the FlashArray management endpoint (`MgmtEndPoint` in pure.json: "adjusted for the IP address
   * of the FlashArray management endpoint", RA rev 1.7; the RA's is `172.16.200.50`).
   * @examples ["172.16.200.50"]
   */
  readonly mgmtEndpoint: string;
}

/** A MetalLB address pool. */
export interface AddressPoolSettings {
  /**
   * The pool name.
   * @pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$
   */
  readonly name: string;
  /** CIDRs or `a.b.c.d-e.f.g.h` ranges, inside the data subnet for L2 mode. */
  readonly addresses: readonly string[];
  /**
   * MetalLB hands out the pool's addresses to LoadBalancer services on its own (`autoAssign`); off, a service
   * must ask for the pool by name. The RA's pool: `autoAssign: true`.
   * @default true
   */
  readonly autoAssign?: boolean;
  /**
   * MetalLB skips the addresses ending in .0 and .255 (`avoidBuggyIPs`), which some clients mishandle. The RA's
   * pool: `avoidBuggyIPs: true`.
   * @default true
   */
  readonly avoidBuggyIPs?: boolean;
}

export interface LoadBalancerSettings {
  /**
   * The address pools.
   * @default "one pool 'first-pool' with .100-.200 of the data gateway's /24 (the RA's block)"
   */
  readonly pools?: readonly AddressPoolSettings[];
  /**
   * How the addresses are announced: `l2` (ARP on the data VLAN, the RA's) or `bgp` (needs `bgp`).
   * @default "l2"
   */
  readonly mode?: 'l2' | 'bgp';
  /** BGP peering when mode is `bgp`. */
  readonly bgp?: BgpSettings;
}

export interface BgpSettings {
  /**
   * The cluster's AS number.
   * @asType integer
   * @minimum 1
   */
  readonly myAsn: number;
  /** The routers to peer with. */
  readonly peers: readonly BgpPeerSettings[];
}

export interface BgpPeerSettings {
  /** The router's address. */
  readonly address: string;
  /**
   * The router's AS number.
   * @asType integer
   * @minimum 1
   */
  readonly asn: number;
}

export interface StorageSettings {
  /**
   * The CSI layer: `portworx` (the RA's, on Pure FlashArray), `longhorn` or `rook-ceph` (RA rev 1.7 RWX table: Longhorn 1.8.x, Rook-Ceph 1.16.x, both Block). Only the chosen backend's settings block may be given.
   * @default "portworx"
   */
  readonly backend?: 'portworx' | 'longhorn' | 'rook-ceph';
  /** Portworx on Pure FlashArray (the RA's CSI), when backend is `portworx`. */
  readonly portworx?: PortworxSettings;
  /** Longhorn on the workers' local disks, when backend is `longhorn`. */
  readonly longhorn?: LonghornSettings;
  /** Rook-Ceph on the workers' local disks, when backend is `rook-ceph`. */
  readonly rookCeph?: RookCephSettings;
}

export interface LonghornSettings {
  /**
   * The csi-longhorn pack version (RA rev 1.7: 1.8.x).
   * @default "1.8.1"
   */
  readonly version?: string;
  /**
   * Copies Longhorn keeps of each volume, one per node (seed 000: 3); the VM class, the default class and Longhorn's default.
   * @asType integer
   * @minimum 1
   * @default 3
   */
  readonly replicas?: number;
  /**
   * How far Longhorn may over-provision each disk, percent; CDI's scratch volume needs about twice each VM disk while importing (RA defects A3).
   * @asType integer
   * @minimum 0
   * @default 600
   */
  readonly overProvisioningPercentage?: number;
  /**
   * Where each node keeps Longhorn's replicas, e.g. the mount point of a data disk MAAS formats.
   * @pattern ^/\S*$
   * @default "/var/lib/longhorn/ (Longhorn's)"
   */
  readonly dataPath?: string;
}

export interface RookCephSettings {
  /**
   * The csi-rook-ceph-helm pack version (RA rev 1.7: 1.16.x).
   * @default "1.16.3"
   */
  readonly version?: string;
  /**
   * Copies Ceph keeps of each object, one per host (the pools' replicated.size; seed 000: 3).
   * @asType integer
   * @minimum 1
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Keep the pack's Ceph object store (S3 buckets, class ceph-bucket).
   * @default false
   */
  readonly objectStore?: boolean;
}

export interface PortworxSettings {
  /**
   * The csi-portworx-generic pack version.
   * @default "3.3.1"
   */
  readonly version?: string;
  /**
   * How the nodes reach the FlashArray.
   * @default "FC"
   */
  readonly sanType?: 'FC' | 'ISCSI';
  /**
   * The size of the FlashArray LUN each worker contributes, GiB (RA: 1 TB per worker).
   * @asType integer
   * @minimum 150
   * @maximum 1048576
   * @default 1024
   */
  readonly deviceSizeGiB?: number;
  /**
   * The replication factor of the VM storage class (RA rev 1.7: 2).
   * @asType integer
   * @minimum 1
   * @maximum 3
   * @default 2
   */
  readonly replication?: number;
  /**
   * How many nodes hold storage (RA rev 1.7: the worker count, so LUNs move on repave).
   * @asType integer
   * @minimum 3
   * @default "the worker count"
   */
  readonly maxStorageNodes?: number;
  /**
   * The FlashArray management endpoints; the API token is a sensitive profile variable entered at deploy time.
   * @default "one FlashArray at the RA's 172.16.200.50"
   */
  readonly flashArrays?: readonly FlashArraySettings[];
  /**
   * Stork's preferRemoteNodeOnly on the VM storage class (needs more than 6 workers).
   * @default false
   */
  readonly preferRemoteNodeOnly?: boolean;
}

export interface VmoSettings {
  /**
   * How the VM dashboard is reached: `proxied` (through Palette and the Spectro Proxy, the RA's for SaaS) or `direct` (a LoadBalancer address).
   * @default "proxied"
   */
  readonly access?: 'proxied' | 'direct';
  /**
   * The dashboard's LoadBalancer address with `direct` access, in the data subnet and outside
   * the other MetalLB pools: MetalLB gives the dashboard Service this address from a pool of
   * its own (for the vm-dashboard namespace), and VMO's consoleBaseAddress is set to it (field
   * guide: "Set consoleBaseAddress to LB IP").
   * @default none: required with direct access
   * @examples ["10.20.30.10"]
   */
  readonly dashboardAddress?: string;
  /**
   * The namespaces set up for VMs.
   * @default ["default","virtual-machines"]
   */
  readonly vmEnabledNamespaces?: readonly string[];
  /**
   * Overrides the derived vlanFiltering `allowVlansOnSelf`.
   * @default "on when br0 has an address or VLAN subinterfaces"
   */
  readonly allowVlansOnSelf?: boolean;
  /**
   * Overrides the host's VLANs on br0; the VMO layer adds the VM VLANs to them.
   * @default "VLAN 1 when br0 has an address, plus br0's VLAN subinterfaces"
   */
  readonly allowedVlansOnSelf?: string;
  /** A private CA for the VM dashboard, from a ConfigMap installed before VMO (rule SEC-005). */
  readonly privateCa?: PrivateCaSettings;
}

export interface PrivateCaSettings {
  /** The ConfigMap in vm-dashboard holding the CA certificate. */
  readonly configMapName: string;
  /**
   * The ConfigMap key of the PEM certificate (the field guide's `--from-file=cert=...`).
   * @default "cert"
   */
  readonly key?: string;
}

export interface CiliumSettings {
  /**
   * Overrides the derived bridge preset: `br0` runs Cilium on the bridge.
   * @default "br0 when the node address sits on the bridge itself, else autodetect"
   */
  readonly bridgeInterface?: 'autodetect' | 'br0';
  /**
   * Lets control-plane nodes without br0 fall back to their NIC (RA rev 1.7).
   * @default true
   */
  readonly forceDeviceDetection?: boolean;
  /**
   * Pod networking: VXLAN (the RA's), Geneve or native routing.
   * @default "vxlan"
   */
  readonly podNetworking?: 'vxlan' | 'geneve' | 'native';
  /**
   * The native routing CIDR when podNetworking is `native`; it must contain the pod CIDR.
   * @default "the pod CIDR"
   */
  readonly ipv4NativeRoutingCidr?: string;
}

export interface MonitoringSettings {
  /**
   * The host name of the Grafana ingress.
   * @default "grafana.<site name>.local"
   */
  readonly grafanaHost?: string;
}

/** A VM network: one NetworkAttachmentDefinition per namespace on br0. */
export interface VmNetworkSettings {
  /**
   * The VLAN VMs on this network are placed on; it must be one of vmVlans.
   * @asType integer
   * @minimum 1
   * @maximum 4094
   */
  readonly vlan: number;
  /**
   * The network name users see.
   * @default "vlan-<id>"
   */
  readonly name?: string;
  /**
   * The namespaces the network is offered in.
   * @default ["default"]
   */
  readonly namespaces?: readonly string[];
}

export interface TemplatesSettings {
  /**
   * The VM networks on br0.
   * @default "VLAN 30 (the RA's sample) when it is a VM VLAN, else the lowest VM VLAN"
   */
  readonly networks?: readonly VmNetworkSettings[];
  /**
   * Offer an untagged network too.
   * @default true
   */
  readonly untaggedNetwork?: boolean;
  /**
   * Write the golden-images layer; without it the VM templates clone images imported outside these profiles.
   * @default true
   */
  readonly goldenImages?: boolean;
  /**
   * Where the golden images are imported from (CDI registry URLs with a version tag or digest).
   * @default "the RA's images, per image below"
   */
  readonly goldenImageSources?: GoldenImageSourceSettings;
}

export interface GoldenImageSourceSettings {
  /**
   * The Ubuntu 22.04 container disk.
   * @default "docker://gcr.io/spectro-images-public/release/vm-dashboard/os/ubuntu-container-disk:22.04"
   */
  readonly ubuntu2204?: string;
  /**
   * Your Windows Server 2022 container disk, e.g. `docker://registry.example.com/vmo/windows-2022:20348.2700`.
   * The RA names no image to use.
   * @default none: the profile variable windows2022Image asks for it at deploy time
   */
  readonly windows2022?: string;
}

export interface ProfileLayoutSettings {
  /**
   * Which profiles to write: `full` (one Full profile), `split` (the RA's Infra, Core and Templates) or `both`.
   * @default "both"
   */
  readonly layout?: 'full' | 'split' | 'both';
  /**
   * Expose the RA rev 1.7 profile variables (CIDRs, max storage nodes, MetalLB, VLANs), with this site's values as their defaults.
   * @default false
   */
  readonly variables?: boolean;
  /**
   * The profile names. Sites that bake different values into their profiles need their own names (or versions).
   * @default "the RA's: <prefix>-Full, <prefix>-Infra-MaaS-PureFlashArray (Longhorn: -Infra-MaaS-Longhorn, Rook-Ceph: -Infra-MaaS-RookCeph), <prefix>-Core-PXKE, <prefix>-Templates"
   */
  readonly names?: ProfileNames;
}

/** The profile names, each replacing the one `profileNamePrefix` and the RA give. */
export interface ProfileNames {
  /**
   * The Full profile's name.
   * @default "<profileNamePrefix>-Full"
   */
  readonly full?: string;
  /**
   * The Infra profile's name.
   * @default "<profileNamePrefix>-Infra-MaaS-<storage>, e.g. VMO-RA-Infra-MaaS-PureFlashArray"
   */
  readonly infra?: string;
  /**
   * The Core profile's name.
   * @default "<profileNamePrefix>-Core-PXKE"
   */
  readonly core?: string;
  /**
   * The Templates profile's name.
   * @default "<profileNamePrefix>-Templates"
   */
  readonly templates?: string;
}

/**
 * The MAAS side of the cluster (seed 002 "Canonical MAAS configuration", seed 004 "Deploying a
 * bare metal cluster using MAAS"), in the words of Palette's `spectrocloud_cluster_maas`.
 */
export interface MaasSettings {
  /**
   * The MAAS DNS domain the nodes are deployed in (RA: a delegated subzone such as `metal.example.com`, not a bare `.maas`).
   * @pattern ^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$
   * @examples ["metal.example.com"]
   */
  readonly domain: string;
  /**
   * The name of the MAAS cloud account in Palette (created with the private cloud gateway).
   * @minLength 1
   */
  readonly cloudAccount: string;
  /**
   * The MAAS availability zones every pool spreads over, unless the pool names its own (RA: "align to datacenter layout").
   * Palette 4.7.13 requires them (rule DEP-001).
   * @default none
   */
  readonly availabilityZones?: readonly string[];
  /** The control-plane pool. */
  readonly controlPlane?: MaasPoolSettings;
  /**
   * The worker pools; their counts add up to `nodes.workers` (rule DEP-003).
   * @default "one pool 'worker-pool' of nodes.workers nodes in resource pool 'worker-pool'"
   */
  readonly workerPools?: readonly MaasWorkerPoolSettings[];
  /**
   * NTP servers the nodes use instead of the image's.
   * @default "the image's NTP servers"
   */
  readonly ntpServers?: readonly string[];
  /**
   * SSH public keys authorized for the `spectro` user on every node.
   * @default none
   */
  readonly sshKeys?: readonly string[];
  /**
   * The cluster's IANA time zone for scheduled operations, e.g. `Europe/Amsterdam`.
   * @default "Palette's default"
   */
  readonly timeZone?: string;
  /** Cluster backups to a backup location registered in Palette. @default no backups */
  readonly backup?: MaasBackupSettings;
  /** Compliance scan schedules. @default no scheduled scans */
  readonly scans?: MaasScanSettings;
}

/** Where a machine pool's nodes come from in MAAS and how big they must be. */
export interface MaasPoolSettings {
  /**
   * The MAAS resource pool (RA: separate `control-plane` and `worker-pool` pools, "so hardware specs can be optimized for each function").
   * @default "control-plane for the control plane, worker-pool for workers"
   */
  readonly resourcePool?: string;
  /**
   * Overrides `maas.availabilityZones` for this pool.
   * @default "maas.availabilityZones"
   */
  readonly availabilityZones?: readonly string[];
  /**
   * MAAS tags a machine must carry to join the pool (MAAS automatic tags).
   * @default none
   */
  readonly nodeTags?: readonly string[];
  /**
   * Minimum CPU cores of a machine.
   * @asType integer
   * @minimum 1
   * @default "control plane: the RA sizing row for the worker count (4 up to 25 workers); workers: 8 (RA minimum spec)"
   */
  readonly minCpu?: number;
  /**
   * Minimum memory of a machine, MiB (Palette's `minMemInMB`).
   * @asType integer
   * @minimum 1024
   * @default "control plane: the RA sizing row for the worker count (8 GB up to 10 workers); workers: 24576 (RA minimum spec, 24 GB)"
   */
  readonly minMemoryMiB?: number;
}

/** A worker pool: a name, its size and where its machines come from. */
export interface MaasWorkerPoolSettings extends MaasPoolSettings {
  /**
   * The machine pool name in Palette.
   * @pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$
   */
  readonly name: string;
  /**
   * How many workers the pool has.
   * @asType integer
   * @minimum 1
   */
  readonly count: number;
}

/** A cluster backup policy (Palette `backup_policy`). */
export interface MaasBackupSettings {
  /**
   * The name of the backup location in Palette.
   * @minLength 1
   */
  readonly location: string;
  /**
   * When backups run, five-field cron, e.g. `0 1 * * *`.
   * @examples ["0 1 * * *"]
   */
  readonly schedule: string;
  /**
   * Hours a backup is kept.
   * @asType integer
   * @minimum 1
   */
  readonly expiryHours: number;
  /**
   * The backup name prefix.
   * @default "the site name"
   */
  readonly prefix?: string;
  /**
   * Back up the volumes' data too.
   * @default true
   */
  readonly includeDisks?: boolean;
}

/** Compliance scan schedules, five-field cron each (Palette `scan_policy`). */
export interface MaasScanSettings {
  /** Configuration scan (kube-bench). */
  readonly configuration: string;
  /** Penetration scan (kube-hunter). */
  readonly penetration: string;
  /** Conformance scan (Sonobuoy). */
  readonly conformance: string;
}
