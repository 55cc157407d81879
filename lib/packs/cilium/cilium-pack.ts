import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { cidrProblem, contains, parseIpv4Cidr } from '../../common/ipv4-block';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { PRESET_HEADER_PREFIX } from '../../palette/pack-preset';
import { ProfileVariable } from '../../palette/profile-variable';
import { RenderedLayer, valueAt } from '../../palette/rendered';
import { addRuleCheck } from '../../palette/rule-validation';
import { ValueNode, Values } from '../../palette/values';
import { CniFacts, ICniLayer } from '../facts';
import {
  CiliumBridgeInterface, CiliumIpam, CiliumKubeProxy, CiliumLoadBalancerMode, CiliumOperator, CiliumPodNetworking,
} from './choices';
import { CILIUM_1_17_4_PRESETS } from './presets';

/** The `ipv4NativeRoutingCIDR` the native-routing preset writes when neither prop gives one. */
export const CILIUM_NATIVE_PRESET_ROUTING_CIDR = '100.64.0.0/17';

export interface CiliumPackProps {
  /**
   * The pack version. The preset definitions are those of 1.17.4 (1.16.10 has the same set).
   * @default '1.17.4' (RA rev 1.7)
   */
  readonly version?: string;
  /** The registry the pack comes from; the pack type follows the registry's kind. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /** The pack's complete default values, exported from your Palette. @default none: the values hold only presets and RA settings */
  readonly defaults?: PackDefaults;
  /** Preset group "IPAM mode". @default CiliumIpam.KUBERNETES */
  readonly ipam?: CiliumIpam;
  /** Preset group "Cilium Operator". @default CiliumOperator.MULTI_NODE */
  readonly operator?: CiliumOperator;
  /** Preset group "Kube-proxy replacement". @default CiliumKubeProxy.EBPF_REPLACEMENT */
  readonly kubeProxyReplacement?: CiliumKubeProxy;
  /** Preset group "Pod networking". @default CiliumPodNetworking.VXLAN */
  readonly podNetworking?: CiliumPodNetworking;
  /** Preset group "VMO Compatibility": `cni.exclusive: false` so Multus can chain, `socketLB.hostNamespaceOnly: true`. @default true */
  readonly vmoCompatibility?: boolean;
  /** Preset group "VMO - Bridge interface". @default CiliumBridgeInterface.AUTODETECT */
  readonly bridgeInterface?: CiliumBridgeInterface;
  /** Preset group "Loadbalancer mode". @default CiliumLoadBalancerMode.NO_XDP */
  readonly loadBalancerMode?: CiliumLoadBalancerMode;
  /** Preset group "MicroK8s": only for the MicroK8s distribution, not PXK. @default false */
  readonly microK8s?: boolean;
  /**
   * `forceDeviceDetection`: lets control-plane nodes without br0 fall back to their regular
   * NIC while workers use the br0 preset. @default true (RA rev 1.7)
   */
  readonly forceDeviceDetection?: boolean;
  /** `envoy.enabled`; the RA turns it off because MetalLB does load balancing. @default false (RA rev 1.7) */
  readonly envoyEnabled?: boolean;
  /**
   * `podAnnotations` of the agent pods. RA rev 1.7 sets four annotations "to ensure smooth
   * upgrades from earlier Cilium versions" but does not print them, so none are set by default.
   * @default {}
   */
  readonly podAnnotations?: { readonly [key: string]: string };
  /**
   * The cluster's pod CIDR (the Kubernetes layer's `podCIDR`). Used as the native-routing CIDR
   * and as `ipam.operator.clusterPoolIPv4PodCIDRList` (the cluster-pool IPAM pool).
   * @default not set
   */
  readonly podCIDR?: string | ProfileVariable;
  /**
   * `ipv4NativeRoutingCIDR`, only with `CiliumPodNetworking.NATIVE`; must contain the pod CIDR.
   * @default `podCIDR` when given, else the preset's '100.64.0.0/17'
   */
  readonly ipv4NativeRoutingCIDR?: string | ProfileVariable;
  /** More values, deep-merged last. @default none */
  readonly values?: Values;
}

/**
 * Cilium (pack `cni-cilium-oss`, layer `cni`) configured by its presets, as RA rev 1.7 does
 * ("Values: Set using Pack Presets"), plus the RA's additional settings.
 */
export class CiliumPack extends PackLayer implements ICniLayer {
  public readonly ipam: CiliumIpam;
  public readonly operator: CiliumOperator;
  public readonly kubeProxyReplacement: CiliumKubeProxy;
  public readonly podNetworking: CiliumPodNetworking;
  public readonly vmoCompatibility: boolean;
  public readonly bridgeInterface: CiliumBridgeInterface;
  public readonly loadBalancerMode: CiliumLoadBalancerMode;
  public readonly microK8s: boolean;
  public readonly forceDeviceDetection: boolean;
  public readonly envoyEnabled: boolean;
  public readonly podCIDR?: string | ProfileVariable;
  /** The native-routing CIDR in effect; set only with `CiliumPodNetworking.NATIVE` (site rule NET-007). */
  public readonly ipv4NativeRoutingCIDR?: string | ProfileVariable;

  constructor(scope: Construct, id: string, props: CiliumPackProps = {}) {
    const registry = props.registry ?? PackRegistry.PUBLIC_REPO;
    const ipam = props.ipam ?? CiliumIpam.KUBERNETES;
    const operator = props.operator ?? CiliumOperator.MULTI_NODE;
    const kubeProxyReplacement = props.kubeProxyReplacement ?? CiliumKubeProxy.EBPF_REPLACEMENT;
    const podNetworking = props.podNetworking ?? CiliumPodNetworking.VXLAN;
    const vmoCompatibility = props.vmoCompatibility ?? true;
    const bridgeInterface = props.bridgeInterface ?? CiliumBridgeInterface.AUTODETECT;
    const loadBalancerMode = props.loadBalancerMode ?? CiliumLoadBalancerMode.NO_XDP;
    const microK8s = props.microK8s ?? false;
    super(scope, id, {
      name: 'cni-cilium-oss',
      version: props.version ?? '1.17.4',
      layer: LayerType.CNI,
      role: LayerRole.CNI,
      registry,
      defaults: props.defaults,
      // The 1.17.4 values carry `pack.namespace: kube-system`; set it so values without defaults keep it.
      namespace: 'kube-system',
      presets: CILIUM_1_17_4_PRESETS,
      // PackLayer applies presets and writes the header in definition order, i.e. presets.yaml order.
      enabledPresets: [
        ipam.presetName,
        operator.presetName,
        kubeProxyReplacement.presetName,
        podNetworking.presetName,
        vmoCompatibility ? 'vmo-enable' : 'vmo-disable',
        bridgeInterface.presetName,
        loadBalancerMode.presetName,
        microK8s ? 'microk8s-enable' : 'microk8s-disable',
      ],
    });
    this.ipam = ipam;
    this.operator = operator;
    this.kubeProxyReplacement = kubeProxyReplacement;
    this.podNetworking = podNetworking;
    this.vmoCompatibility = vmoCompatibility;
    this.bridgeInterface = bridgeInterface;
    this.loadBalancerMode = loadBalancerMode;
    this.microK8s = microK8s;
    this.forceDeviceDetection = props.forceDeviceDetection ?? true;
    this.envoyEnabled = props.envoyEnabled ?? false;
    this.podCIDR = props.podCIDR;
    this.ipv4NativeRoutingCIDR = nativeRoutingCidr(podNetworking, props.podCIDR, props.ipv4NativeRoutingCIDR);
    const routing = this.ipv4NativeRoutingCIDR;
    const pod = props.podCIDR;
    // NET-001: the CIDRs Cilium is given parse; NET-007: native routing covers the pod CIDR.
    addRuleCheck(this, 'NET-001', () =>
      [
        typeof pod === 'string' ? cidrProblem({ label: 'pod CIDR', text: pod }, '100.64.0.0/18') : undefined,
        typeof routing === 'string' ? cidrProblem({ label: 'ipv4NativeRoutingCIDR', text: routing }, CILIUM_NATIVE_PRESET_ROUTING_CIDR) : undefined,
      ].filter((p): p is string => !!p),
    );
    if (typeof routing === 'string') addRuleCheck(this, 'NET-007', () => nativeRoutingProblems(routing, props.podCIDR));

    const chart: { [key: string]: ValueNode } = {
      // RA rev 1.7: "The forceDeviceDetection option is enabled, which allows scenarios where worker
      // nodes need the 'Run Cilium on Bridge (br0)' preset ... while also using control plane nodes
      // that do not have a br0 network adapter."
      forceDeviceDetection: this.forceDeviceDetection,
      // RA rev 1.7: "The envoy.enabled option is set to false, since we are using MetalLB for loadbalancing."
      envoy: { enabled: this.envoyEnabled },
    };
    if (props.podAnnotations && Object.keys(props.podAnnotations).length) chart.podAnnotations = { ...props.podAnnotations };
    // The Geneve preset writes the misspelt `tunnelprotocol`, which the chart ignores; set the real key.
    if (podNetworking === CiliumPodNetworking.GENEVE) chart.tunnelProtocol = 'geneve';
    if (this.ipv4NativeRoutingCIDR !== undefined) chart.ipv4NativeRoutingCIDR = this.ipv4NativeRoutingCIDR;
    // Cluster-pool IPAM allocates from its own list, which the IPAM and MicroK8s-disable presets set
    // to 100.64.0.0/18. Keep it equal to the cluster's pod CIDR, so cluster-pool mode uses the range
    // the Kubernetes layer reserves and Kubernetes mode shows no stale range. MicroK8s keeps its own pool.
    if (props.podCIDR !== undefined && !microK8s) {
      chart.ipam = { operator: { clusterPoolIPv4PodCIDRList: [props.podCIDR] } };
    }
    this.addValues({ charts: { cilium: chart } });
    if (props.values) this.addValues(props.values);
  }

  /** What the written values say: the bridge and pod-networking presets, device detection, the routing CIDR. */
  public cniFacts(rendered: RenderedLayer): CniFacts {
    const first = rendered.pack.values.split('\n')[0];
    const presets = first.startsWith(PRESET_HEADER_PREFIX) ? first.slice(PRESET_HEADER_PREFIX.length).split(',').map((p) => p.split(':').pop()) : [];
    const networking = [CiliumPodNetworking.VXLAN, CiliumPodNetworking.GENEVE, CiliumPodNetworking.NATIVE].find((n) => presets.includes(n.presetName));
    const chart = valueAt(rendered.deployed, 'charts', 'cilium');
    const routing = valueAt(chart, 'ipv4NativeRoutingCIDR');
    return {
      bridgeInterface: presets.includes(CiliumBridgeInterface.BR0.presetName) ? 'br0' : 'autodetect',
      forceDeviceDetection: valueAt(chart, 'forceDeviceDetection') === true,
      podNetworking: (networking?.mode ?? 'vxlan') as CniFacts['podNetworking'],
      // The pack's defaults hold an empty routing CIDR: unset.
      ...(typeof routing === 'string' && routing !== '' ? { ipv4NativeRoutingCidr: routing } : {}),
    };
  }
}

/** NET-007: the native-routing CIDR parses and contains the pod CIDR. */
function nativeRoutingProblems(routing: string, podCIDR: string | ProfileVariable | undefined): string[] {
  const r = parseIpv4Cidr(routing);
  if (!r) return []; // NET-001
  const pod = typeof podCIDR === 'string' ? parseIpv4Cidr(podCIDR) : undefined;
  // Cilium masquerades traffic leaving the native-routing CIDR, so pod addresses must lie inside it.
  if (pod && !contains(r, pod)) return [`ipv4NativeRoutingCIDR '${routing}' does not contain the pod CIDR '${podCIDR}': use the pod CIDR or a range that contains it`];
  return [];
}

/** Resolves and validates the native-routing CIDR; undefined unless native routing is chosen. */
function nativeRoutingCidr(
  podNetworking: CiliumPodNetworking,
  podCIDR: string | ProfileVariable | undefined,
  given: string | ProfileVariable | undefined,
): string | ProfileVariable | undefined {
  if (podNetworking !== CiliumPodNetworking.NATIVE) {
    if (given !== undefined) {
      const shown = given instanceof ProfileVariable ? given.reference : given;
      throw new ValidationError(
        `ipv4NativeRoutingCIDR '${shown}' only applies to native routing, but pod networking is '${podNetworking.mode}': ` +
          `use podNetworking: CiliumPodNetworking.NATIVE or drop ipv4NativeRoutingCIDR`,
      );
    }
    return undefined;
  }
  return given ?? podCIDR ?? CILIUM_NATIVE_PRESET_ROUTING_CIDR;
}
