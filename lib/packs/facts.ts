import { ProfileLayer } from '../palette/profile-layer';
import { RenderedLayer } from '../palette/rendered';

/*
 * What a rendered layer says about the site, read back from what it wrote (its values and
 * objects after Palette substitutes the variables' defaults). Each pack construct reads its
 * own output, so the knowledge of its value paths stays in one place; the site rules read
 * these facts, never the site description a second time. A layer of another kind can supply
 * the same facts by implementing the interface of its role.
 */

/** The Kubernetes layer (PXK). */
export interface KubernetesFacts {
  /** The pack version, e.g. `1.32.4`. */
  readonly version: string;
  readonly podCidr?: string;
  readonly serviceCidr?: string;
  /** The pod CIDR block size per node (kube-controller-manager `node-cidr-mask-size`). */
  readonly nodePodCidrPrefix: number;
  /** `pack.palette.config.dashboard.identityProvider`: palette, tenant, none (custom), noauth. */
  readonly identityProvider?: string;
  /** The kube-apiserver OIDC flags, when set. */
  readonly oidc?: { readonly issuerUrl?: string; readonly clientId?: string };
}

/** The OS layer. */
export interface OsFacts {
  /** Packages the nodes install (`apt-get install`). */
  readonly packages: readonly string[];
  /** The subnet the kubelet node-IP script pins the node address to; undefined without that script. */
  readonly nodeIpCidr?: string;
  /** kubelet `maxPods` of the worker tuning; undefined when the layer does not set it (kubelet's 110). */
  readonly maxPodsPerNode?: number;
  /**
   * The CPUs the worker tuning keeps for the OS, containerd and kubelet (kubelet
   * `reservedSystemCPUs`, a cpuset list such as `0-7`); undefined without the tuning.
   */
  readonly reservedCpus?: string;
}

/** The CNI layer (Cilium). */
export interface CniFacts {
  /** `br0` when the "Run Cilium on Bridge (br0)" preset is on, else `autodetect`. */
  readonly bridgeInterface: 'br0' | 'autodetect';
  readonly forceDeviceDetection: boolean;
  readonly podNetworking: 'vxlan' | 'geneve' | 'native';
  readonly ipv4NativeRoutingCidr?: string;
}

/** A storage class a layer defines, as the rules compare them. */
export interface StorageClassFacts {
  readonly name: string;
  readonly provisioner: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly isDefault?: boolean;
}

/** The CSI layer. */
export interface StorageFacts {
  /** The storage product, in operator words: `Portworx`, `Longhorn`, `Rook-Ceph`. */
  readonly product: string;
  readonly version: string;
  /** The CSI driver (provisioner) name. */
  readonly provisioner: string;
  readonly storageClasses: readonly StorageClassFacts[];
  /** The class VM disks use. */
  readonly vmStorageClass: string;
  /**
   * Why the class cannot serve RWX volumes in Block mode, or undefined when it can; the
   * driver decides (CDI's capability table, storage-backends.md §2.1).
   */
  rwxBlockProblem(storageClass: StorageClassFacts): string | undefined;
  /** Whether RWX volumes of the class in this mode are NFS mounts (the nodes need the NFS client). */
  needsNfsClient(storageClass: StorageClassFacts, volumeMode: 'Block' | 'Filesystem'): boolean;
  /**
   * The number of copies the class keeps of each volume, when the driver says (Portworx `repl`,
   * Longhorn `numberOfReplicas`, the Ceph pool's `replicated.size`).
   */
  replicasOf(storageClass: StorageClassFacts): number | undefined;
  /** The most copies the product keeps of a volume (Portworx 3), when it has a limit. */
  readonly maxReplicas?: number;
  /**
   * The members of the product's own quorum, when it runs one on the storage nodes: Ceph's
   * MONs (one per node, an odd number, seed 000 "Rook-Ceph").
   */
  readonly quorum?: { readonly members: number; readonly what: string; readonly onePerNode: boolean };
  /** The newest Kubernetes the pack version supports (its pack.json constraint), when known. */
  readonly maxKubernetes?: { readonly version: string; readonly label: string; readonly newerPack?: string };
  /** The fewest storage nodes the product needs (seed 000 table: Portworx 3, Longhorn 1, Rook-Ceph 3). */
  readonly minStorageNodes: number;
  /** How many nodes hold storage (Portworx `maxStorageNodes`); undefined when every worker does. */
  readonly maxStorageNodes?: number;
  /** Pure FlashArray cloud drives, when the product uses them. */
  readonly flashArray?: FlashArrayFacts;
  /** The interfaces storage traffic uses, when the layer pins them. */
  readonly interfaces?: readonly string[];
  /**
   * What the product keeps on a node's non-OS disks, which MAAS's "erase disks on release" wipes
   * when a repave releases the node, and what that costs, in operator words (seed 000 "not wipe
   * non-OS disks": FlashArray LUNs, Longhorn replicas, Ceph OSD disks).
   * @default not described: the rules speak of the product's non-OS disks
   */
  readonly nonOsDisks?: string;
}

/** The Pure FlashArray cloud drives a storage layer uses. */
export interface FlashArrayFacts {
  /** The data drive each node requests, GiB. */
  readonly deviceSizeGiB?: number;
  /** `PURE_FLASHARRAY_SAN_TYPE`. */
  readonly sanType?: string;
  /** The FlashArray management endpoints of the `px-pure-secret`. */
  readonly mgmtEndpoints: readonly string[];
  /** The namespace of the StorageCluster and the secret's namespaces. */
  readonly storageClusterNamespace?: string;
  readonly secretNamespaces: readonly string[];
}

/** The load balancer layer (MetalLB). */
export interface LoadBalancerFacts {
  readonly mode: 'l2' | 'bgp';
  readonly pools: readonly { readonly name: string; readonly addresses: readonly string[]; readonly autoAssign: boolean; readonly avoidBuggyIPs: boolean }[];
  readonly l2Interfaces: readonly string[];
  readonly bgpPeers: readonly { readonly address: string; readonly asn?: number }[];
}

/** The VMO layer. */
export interface VmoFacts {
  /** `proxied` or `direct`. */
  readonly access: string;
  /** `appConfig.clusterInfo.consoleBaseAddress`, when set (Direct access). */
  readonly consoleBaseAddress?: string;
  readonly vlanFiltering: boolean;
  /** `env.allowedVlans`: the VLANs VMs may use, as written. */
  readonly vmVlans?: string;
  readonly allowVlansOnSelf?: boolean;
  readonly allowedVlansOnSelf?: string;
  /** `env.bridgeIF`. */
  readonly bridge?: string;
  readonly privateCa?: { readonly configMapName: string; readonly key: string };
  readonly vmStateStorageClass?: string;
  readonly snapshotDriver?: string;
  readonly namespace: string;
}

/** The reverse-proxy layer (Spectro Proxy). */
export interface ProxyFacts {
  /** The VMO dashboard is routed through the proxy. */
  readonly vmDashboardIntegration: boolean;
}

/** A Kubernetes layer that reports what it wrote (pod and service CIDRs, version, dashboard access). */
export interface IKubernetesLayer extends ProfileLayer {
  kubernetesFacts(rendered: RenderedLayer): KubernetesFacts;
}
/** An OS layer that reports what it wrote (node-IP CIDR, packages, kubelet settings). */
export interface IOsLayer extends ProfileLayer {
  osFacts(rendered: RenderedLayer): OsFacts;
}
/** A CNI layer that reports what it wrote (routing mode, bridge interface preset). */
export interface ICniLayer extends ProfileLayer {
  cniFacts(rendered: RenderedLayer): CniFacts;
}
/** A storage layer that reports what it wrote (product, storage classes, replicas, storage nodes). */
export interface IStorageFactsLayer extends ProfileLayer {
  storageFacts(rendered: RenderedLayer): StorageFacts;
}
/** A load balancer layer that reports what it wrote (address pools and how they are announced). */
export interface ILoadBalancerLayer extends ProfileLayer {
  loadBalancerFacts(rendered: RenderedLayer): LoadBalancerFacts;
}
/** A reverse-proxy layer that reports what it wrote (whether the VM dashboard goes through it). */
export interface IProxyLayer extends ProfileLayer {
  proxyFacts(rendered: RenderedLayer): ProxyFacts;
}
/** A VMO layer that reports what it wrote (VLAN filtering, dashboard access, snapshot class). */
export interface IVmoLayer extends ProfileLayer {
  vmoFacts(rendered: RenderedLayer): VmoFacts;
}

const has = <K extends string>(layer: ProfileLayer, method: K): boolean => typeof (layer as unknown as Record<string, unknown>)[method] === 'function';

export const isKubernetesLayer = (l: ProfileLayer): l is IKubernetesLayer => has(l, 'kubernetesFacts');
export const isOsLayer = (l: ProfileLayer): l is IOsLayer => has(l, 'osFacts');
export const isCniLayer = (l: ProfileLayer): l is ICniLayer => has(l, 'cniFacts');
export const isStorageFactsLayer = (l: ProfileLayer): l is IStorageFactsLayer => has(l, 'storageFacts');
export const isLoadBalancerLayer = (l: ProfileLayer): l is ILoadBalancerLayer => has(l, 'loadBalancerFacts');
export const isVmoLayer = (l: ProfileLayer): l is IVmoLayer => has(l, 'vmoFacts');
export const isProxyLayer = (l: ProfileLayer): l is IProxyLayer => has(l, 'proxyFacts');
