import { PackPreset } from '../../palette/pack-preset';
import { Values } from '../../palette/values';

/**
 * The preset groups of `cni-cilium-oss` 1.17.4, exactly as spelt in its presets.yaml; the
 * enabled-presets header uses these strings.
 */
export class CiliumPresetGroup {
  public static readonly IPAM_MODE = 'IPAM mode';
  public static readonly CILIUM_OPERATOR = 'Cilium Operator';
  public static readonly KUBE_PROXY_REPLACEMENT = 'Kube-proxy replacement';
  public static readonly POD_NETWORKING = 'Pod networking';
  public static readonly VMO_COMPATIBILITY = 'VMO Compatibility';
  public static readonly VMO_BRIDGE_INTERFACE = 'VMO - Bridge interface';
  public static readonly LOADBALANCER_MODE = 'Loadbalancer mode';
  public static readonly MICROK8S = 'MicroK8s';

  private constructor() {}
}

/** Wraps a body in `charts.cilium`, where every preset of this pack writes. */
function cilium(body: Values): Values {
  return { charts: { cilium: body } };
}

/**
 * The presets of `cni-cilium-oss` 1.17.4, in presets.yaml order (which is also the order of
 * the header). Transcribed as data from pack-values.md §4 (source: kreeuwijk/spectro_packs
 * `stable/cilium_oss_1.17.4/presets.yaml`). The full cluster-pool and MicroK8s-enable bodies,
 * which §4 only summarises, come from the same repository's `stable/cilium_oss_1.16.10/presets.yaml`
 * (commit 36400b07), whose presets match §4 entry for entry. Comment-only lines are left out.
 *
 * The VXLAN and Geneve presets write `tunnelprotocol` in lower case while the chart reads
 * `tunnelProtocol`. The typo is kept here on purpose: these objects describe what the UI
 * applies for a preset, so the values match a UI-built profile with the same header.
 * CiliumPack sets the chart's real `tunnelProtocol` itself where it matters (Geneve).
 */
export const CILIUM_1_17_4_PRESETS: readonly PackPreset[] = [
  {
    name: 'ipam-kubernetes',
    displayName: 'Kubernetes',
    group: CiliumPresetGroup.IPAM_MODE,
    remove: ['charts.cilium.ipam.mode', 'charts.cilium.ipam.operator'],
    add: cilium({ ipam: { mode: 'kubernetes' } }),
  },
  {
    name: 'ipam-clusterpool',
    displayName: 'Cluster pool',
    group: CiliumPresetGroup.IPAM_MODE,
    remove: ['charts.cilium.ipam.mode', 'charts.cilium.ipam.operator'],
    add: cilium({
      ipam: {
        mode: 'cluster-pool',
        operator: {
          clusterPoolIPv4PodCIDRList: ['100.64.0.0/18'],
          clusterPoolIPv4MaskSize: 24,
          clusterPoolIPv6PodCIDRList: ['fd00::/104'],
          clusterPoolIPv6MaskSize: 120,
          autoCreateCiliumPodIPPools: {},
          externalAPILimitBurstSize: null,
          externalAPILimitQPS: null,
        },
      },
    }),
  },
  {
    name: 'op-single-node',
    displayName: 'For 1-node cluster',
    group: CiliumPresetGroup.CILIUM_OPERATOR,
    add: cilium({ operator: { replicas: 1 } }),
  },
  {
    name: 'op-multi-node',
    displayName: 'For multi-node cluster',
    group: CiliumPresetGroup.CILIUM_OPERATOR,
    add: cilium({ operator: { replicas: 2 } }),
  },
  {
    name: 'ebpf-kubeproxy',
    displayName: 'Do not replace kube-proxy',
    group: CiliumPresetGroup.KUBE_PROXY_REPLACEMENT,
    add: cilium({ k8sServiceHost: '', k8sServicePort: '', kubeProxyReplacement: 'false' }),
  },
  {
    name: 'ebpf-kubeproxy-free',
    displayName: 'Replace kube-proxy with eBPF',
    group: CiliumPresetGroup.KUBE_PROXY_REPLACEMENT,
    add: cilium({ k8sServiceHost: 'auto', k8sServicePort: '', kubeProxyReplacement: 'true' }),
  },
  {
    name: 'podnw-vxlan',
    displayName: 'Use VXLAN overlay',
    group: CiliumPresetGroup.POD_NETWORKING,
    add: cilium({ routingMode: '', tunnelprotocol: '', bpf: { masquerade: null } }),
  },
  {
    name: 'podnw-geneve',
    displayName: 'Use Geneve overlay',
    group: CiliumPresetGroup.POD_NETWORKING,
    add: cilium({ routingMode: '', tunnelprotocol: 'geneve', bpf: { masquerade: null } }),
  },
  {
    name: 'podnw-native',
    displayName: 'Use eBPF native routing',
    group: CiliumPresetGroup.POD_NETWORKING,
    add: cilium({
      kubeProxyReplacementHealthzBindAddr: '0.0.0.0:10256',
      autoDirectNodeRoutes: true,
      ipv4NativeRoutingCIDR: '100.64.0.0/17',
      routingMode: 'native',
      bpf: { masquerade: true },
    }),
  },
  {
    name: 'vmo-enable',
    displayName: 'Enable',
    group: CiliumPresetGroup.VMO_COMPATIBILITY,
    add: cilium({ cni: { exclusive: false }, socketLB: { hostNamespaceOnly: true } }),
  },
  {
    name: 'vmo-disable',
    displayName: 'Disable',
    group: CiliumPresetGroup.VMO_COMPATIBILITY,
    add: cilium({ cni: { exclusive: true }, socketLB: { hostNamespaceOnly: false } }),
  },
  {
    name: 'vmo-auto',
    displayName: 'Autodetect Cilium interface',
    group: CiliumPresetGroup.VMO_BRIDGE_INTERFACE,
    remove: ['charts.cilium.devices'],
    add: cilium({ bpf: { hostLegacyRouting: false } }),
  },
  {
    name: 'vmo-br0',
    displayName: 'Run Cilium on Bridge (br0)',
    group: CiliumPresetGroup.VMO_BRIDGE_INTERFACE,
    add: cilium({ bpf: { hostLegacyRouting: true }, devices: 'br0' }),
  },
  {
    name: 'lb-no-xdp',
    displayName: 'No XDP acceleration',
    group: CiliumPresetGroup.LOADBALANCER_MODE,
    add: cilium({ loadBalancer: { acceleration: 'disabled' } }),
  },
  {
    name: 'lb-best-effort',
    displayName: 'Best Effort XDP LB acceleration',
    group: CiliumPresetGroup.LOADBALANCER_MODE,
    add: cilium({ loadBalancer: { acceleration: 'best-effort' } }),
  },
  {
    name: 'lb-xdp',
    displayName: 'Native XDP LB acceleration',
    group: CiliumPresetGroup.LOADBALANCER_MODE,
    add: cilium({ loadBalancer: { acceleration: 'native' } }),
  },
  {
    name: 'microk8s-enable',
    displayName: 'Enable MicroK8s support',
    group: CiliumPresetGroup.MICROK8S,
    add: cilium({
      cni: { confPath: '/var/snap/microk8s/current/args/cni-network', binPath: '/var/snap/microk8s/current/var/run/cilium' },
      ipam: { operator: { clusterPoolIPv4PodCIDRList: ['10.1.0.0/16'] } },
      nodePort: { enabled: true },
    }),
  },
  {
    name: 'microk8s-disable',
    displayName: 'Disable MicroK8s support',
    group: CiliumPresetGroup.MICROK8S,
    add: cilium({
      cni: { confPath: '/etc/cni/net.d', binPath: '/opt/cni/bin' },
      ipam: { operator: { clusterPoolIPv4PodCIDRList: ['100.64.0.0/18'] } },
      nodePort: { enabled: false },
    }),
  },
];
