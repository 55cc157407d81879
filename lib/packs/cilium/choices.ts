/*
 * The choices of the Cilium 1.17.4 preset groups (see presets.ts). Each option names the
 * preset that implements it; the RA's selection (RA rev 1.7, Cilium layer) is noted.
 */

/** Preset group "IPAM mode". */
export class CiliumIpam {
  /** Kubernetes host-scope IPAM: each node's pods come from its `podCIDR` (the RA's choice). */
  public static readonly KUBERNETES = new CiliumIpam('ipam-kubernetes', 'kubernetes');
  /** Cilium's operator hands out per-node blocks from its own pool. */
  public static readonly CLUSTER_POOL = new CiliumIpam('ipam-clusterpool', 'cluster-pool');

  private constructor(public readonly presetName: string, public readonly mode: string) {}
}

/** Preset group "Cilium Operator". */
export class CiliumOperator {
  /** One operator replica, for a 1-node cluster. */
  public static readonly SINGLE_NODE = new CiliumOperator('op-single-node', 1);
  /** Two operator replicas (the RA's choice). */
  public static readonly MULTI_NODE = new CiliumOperator('op-multi-node', 2);

  private constructor(public readonly presetName: string, public readonly replicas: number) {}
}

/** Preset group "Kube-proxy replacement". */
export class CiliumKubeProxy {
  /** Keep kube-proxy ("Do not replace kube-proxy"). */
  public static readonly KEEP_KUBE_PROXY = new CiliumKubeProxy('ebpf-kubeproxy', false);
  /** Replace kube-proxy with eBPF (the RA's choice, for clusters with many services). */
  public static readonly EBPF_REPLACEMENT = new CiliumKubeProxy('ebpf-kubeproxy-free', true);

  private constructor(public readonly presetName: string, public readonly replacesKubeProxy: boolean) {}
}

/** Preset group "Pod networking". */
export class CiliumPodNetworking {
  /** VXLAN overlay (the RA's choice, "for maximum compatibility"). */
  public static readonly VXLAN = new CiliumPodNetworking('podnw-vxlan', 'vxlan');
  /** Geneve overlay. */
  public static readonly GENEVE = new CiliumPodNetworking('podnw-geneve', 'geneve');
  /** eBPF native routing with `ipv4NativeRoutingCIDR` (RA rev 1.2's choice, replaced by VXLAN in rev 1.7). */
  public static readonly NATIVE = new CiliumPodNetworking('podnw-native', 'native');

  private constructor(public readonly presetName: string, public readonly mode: string) {}
}

/** Preset group "VMO - Bridge interface". */
export class CiliumBridgeInterface {
  /** Cilium detects its devices itself (the RA's choice when nodes sit on a VLAN subinterface). */
  public static readonly AUTODETECT = new CiliumBridgeInterface('vmo-auto', undefined);
  /**
   * Cilium runs on `br0` with legacy host routing. RA rev 1.7: needed when "the Kubernetes nodes
   * do not run on a VLAN subinterface, but on the br0 interface directly".
   */
  public static readonly BR0 = new CiliumBridgeInterface('vmo-br0', 'br0');

  private constructor(public readonly presetName: string, public readonly device: string | undefined) {}
}

/** Preset group "Loadbalancer mode" (`loadBalancer.acceleration`). */
export class CiliumLoadBalancerMode {
  /** No XDP acceleration (the RA's choice). */
  public static readonly NO_XDP = new CiliumLoadBalancerMode('lb-no-xdp', 'disabled');
  /** Best-effort XDP acceleration (RA rev 1.2's choice). */
  public static readonly BEST_EFFORT_XDP = new CiliumLoadBalancerMode('lb-best-effort', 'best-effort');
  /** Native XDP acceleration; every device needs a driver with XDP support. */
  public static readonly NATIVE_XDP = new CiliumLoadBalancerMode('lb-xdp', 'native');

  private constructor(public readonly presetName: string, public readonly acceleration: string) {}
}
