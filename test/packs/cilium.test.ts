import {
  CILIUM_1_17_4_PRESETS, CiliumBridgeInterface, CiliumIpam, CiliumKubeProxy, CiliumLoadBalancerMode, CiliumOperator, CiliumPack,
  CiliumPackProps, CiliumPodNetworking, CiliumPresetGroup,
} from '../../lib/packs/cilium';
import { PackDefaults, PaletteApp, PaletteSite, PRESET_HEADER_PREFIX, ProfileVariable, VariableFormat } from '../../lib/palette';
import { renderLayer, validationError } from '../helpers';

function cilium(props: CiliumPackProps = {}) {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const site = new PaletteSite(app, 'test');
  return new CiliumPack(site, 'cilium', props);
}

const failure = validationError;

const RA_HEADER =
  PRESET_HEADER_PREFIX +
  'IPAM mode:ipam-kubernetes,Cilium Operator:op-multi-node,Kube-proxy replacement:ebpf-kubeproxy-free,Pod networking:podnw-vxlan,' +
  'VMO Compatibility:vmo-enable,VMO - Bridge interface:vmo-auto,Loadbalancer mode:lb-no-xdp,MicroK8s:microk8s-disable';

describe('CiliumPack', () => {
  test('defaults', () => {
    const layer = cilium();
    const { json, values } = renderLayer(layer);
    const c = values.charts.cilium;

    expect(json).toMatchObject({ name: 'cni-cilium-oss', layer: 'cni', type: 'spectro', version: '1.17.4' });
    expect(json.values.split('\n')[0]).toBe(RA_HEADER);
    expect(values.pack.namespace).toBe('kube-system');
    // the RA's preset selection (RA rev 1.7 Cilium layer)
    expect(c.ipam.mode).toBe('kubernetes');
    expect(c.operator.replicas).toBe(2);
    expect(c.kubeProxyReplacement).toBe('true');
    expect(c.k8sServiceHost).toBe('auto');
    expect(c.routingMode).toBe('');
    expect(c.cni.exclusive).toBe(false);
    expect(c.socketLB.hostNamespaceOnly).toBe(true);
    expect(c.bpf.hostLegacyRouting).toBe(false);
    expect(c).not.toHaveProperty('devices');
    expect(c.loadBalancer.acceleration).toBe('disabled');
    expect(c.cni.confPath).toBe('/etc/cni/net.d');
    // the RA's additional settings
    expect(c.forceDeviceDetection).toBe(true);
    expect(c.envoy.enabled).toBe(false);
    // the published defaults, untouched: no annotation, no native routing CIDR, no tunnel protocol set
    expect(c.podAnnotations).toEqual({});
    expect(c.ipv4NativeRoutingCIDR).toBe('');
    expect(c.tunnelProtocol).toBe('');
    expect(layer.ipv4NativeRoutingCIDR).toBeUndefined();
    expect(json).toMatchSnapshot();
  });

  test('preset definitions cover every group in presets.yaml order', () => {
    const groups = [...new Set(CILIUM_1_17_4_PRESETS.map((p) => p.group))];
    expect(groups).toEqual([
      CiliumPresetGroup.IPAM_MODE, CiliumPresetGroup.CILIUM_OPERATOR, CiliumPresetGroup.KUBE_PROXY_REPLACEMENT, CiliumPresetGroup.POD_NETWORKING,
      CiliumPresetGroup.VMO_COMPATIBILITY, CiliumPresetGroup.VMO_BRIDGE_INTERFACE, CiliumPresetGroup.LOADBALANCER_MODE, CiliumPresetGroup.MICROK8S,
    ]);
    expect(CILIUM_1_17_4_PRESETS).toHaveLength(18);
  });

  test('custom br0 bridge preset sets devices br0 and legacy host routing', () => {
    const layer = cilium({ bridgeInterface: CiliumBridgeInterface.BR0 });
    const { values, presets } = renderLayer(layer);
    expect(presets).toContain('VMO - Bridge interface:vmo-br0');
    expect(presets).not.toContain('VMO - Bridge interface:vmo-auto');
    expect(values.charts.cilium.devices).toBe('br0');
    expect(values.charts.cilium.bpf.hostLegacyRouting).toBe(true);
    expect(values.charts.cilium.forceDeviceDetection).toBe(true);
  });

  test('custom autodetect removes devices left in the pack defaults', () => {
    const defaults = PackDefaults.fromYaml(`charts:
  cilium:
    devices: "eth0"
    podAnnotations: {}
`);
    const { values } = renderLayer(cilium({ defaults }));
    expect(values.charts.cilium).not.toHaveProperty('devices');
    expect(values.charts.cilium.podAnnotations).toEqual({});
  });

  test('custom native routing defaults the routing CIDR to the pod CIDR', () => {
    const layer = cilium({ podNetworking: CiliumPodNetworking.NATIVE, podCIDR: '100.64.0.0/17' });
    const { values, presets } = renderLayer(layer);
    const c = values.charts.cilium;
    expect(presets).toContain('Pod networking:podnw-native');
    expect(c.routingMode).toBe('native');
    expect(c.autoDirectNodeRoutes).toBe(true);
    expect(c.bpf.masquerade).toBe(true);
    expect(c.ipv4NativeRoutingCIDR).toBe('100.64.0.0/17');
    expect(layer.ipv4NativeRoutingCIDR).toBe('100.64.0.0/17');
  });

  test('custom native routing with an explicit routing CIDR', () => {
    const { values } = renderLayer(cilium({ podNetworking: CiliumPodNetworking.NATIVE, podCIDR: '100.64.0.0/18', ipv4NativeRoutingCIDR: '100.64.0.0/16' }));
    expect(values.charts.cilium.ipv4NativeRoutingCIDR).toBe('100.64.0.0/16');
  });

  test('custom native routing without a pod CIDR keeps the preset routing CIDR', () => {
    const { values } = renderLayer(cilium({ podNetworking: CiliumPodNetworking.NATIVE }));
    expect(values.charts.cilium.ipv4NativeRoutingCIDR).toBe('100.64.0.0/17');
  });

  test('custom native routing follows a pod CIDR variable', () => {
    const podCidr = new ProfileVariable('podCidr', { format: VariableFormat.IPV4_CIDR, defaultValue: '100.64.0.0/18' });
    const layer = cilium({ podNetworking: CiliumPodNetworking.NATIVE, podCIDR: podCidr });
    const { values } = renderLayer(layer);
    expect(values.charts.cilium.ipv4NativeRoutingCIDR).toBe('{{.spectro.var.podCidr}}');
    expect(values.charts.cilium.ipam.operator.clusterPoolIPv4PodCIDRList).toEqual(['{{.spectro.var.podCidr}}']);
    expect(layer.variables.map((v) => v.name)).toEqual(['podCidr']);
  });

  test('custom geneve sets the chart key tunnelProtocol', () => {
    const { values, presets } = renderLayer(cilium({ podNetworking: CiliumPodNetworking.GENEVE }));
    expect(presets).toContain('Pod networking:podnw-geneve');
    expect(values.charts.cilium.tunnelProtocol).toBe('geneve');
  });

  test('custom choice in every group', () => {
    const layer = cilium({
      ipam: CiliumIpam.CLUSTER_POOL,
      operator: CiliumOperator.SINGLE_NODE,
      kubeProxyReplacement: CiliumKubeProxy.KEEP_KUBE_PROXY,
      podNetworking: CiliumPodNetworking.GENEVE,
      vmoCompatibility: false,
      bridgeInterface: CiliumBridgeInterface.BR0,
      loadBalancerMode: CiliumLoadBalancerMode.BEST_EFFORT_XDP,
      microK8s: true,
      forceDeviceDetection: false,
      envoyEnabled: true,
      podAnnotations: { 'example.com/owner': 'platform' },
    });
    const { values, presets } = renderLayer(layer);
    const c = values.charts.cilium;
    expect(presets).toEqual([
      'IPAM mode:ipam-clusterpool', 'Cilium Operator:op-single-node', 'Kube-proxy replacement:ebpf-kubeproxy', 'Pod networking:podnw-geneve',
      'VMO Compatibility:vmo-disable', 'VMO - Bridge interface:vmo-br0', 'Loadbalancer mode:lb-best-effort', 'MicroK8s:microk8s-enable',
    ]);
    expect(c.ipam.mode).toBe('cluster-pool');
    expect(c.ipam.operator.clusterPoolIPv4MaskSize).toBe(24);
    expect(c.ipam.operator.clusterPoolIPv4PodCIDRList).toEqual(['10.1.0.0/16']);
    expect(c.operator.replicas).toBe(1);
    expect(c.kubeProxyReplacement).toBe('false');
    expect(c.cni.exclusive).toBe(true);
    expect(c.socketLB.hostNamespaceOnly).toBe(false);
    expect(c.loadBalancer.acceleration).toBe('best-effort');
    expect(c.nodePort.enabled).toBe(true);
    expect(c.forceDeviceDetection).toBe(false);
    expect(c.envoy.enabled).toBe(true);
    expect(c.podAnnotations).toEqual({ 'example.com/owner': 'platform' });
  });

  test('custom cluster-pool IPAM allocates from the pod CIDR', () => {
    const { values } = renderLayer(cilium({ ipam: CiliumIpam.CLUSTER_POOL, podCIDR: '100.64.0.0/17' }));
    expect(values.charts.cilium.ipam.operator.clusterPoolIPv4PodCIDRList).toEqual(['100.64.0.0/17']);
  });

  test('custom LB mode native XDP', () => {
    const { values } = renderLayer(cilium({ loadBalancerMode: CiliumLoadBalancerMode.NATIVE_XDP }));
    expect(values.charts.cilium.loadBalancer.acceleration).toBe('native');
  });

  test('fails on a pod CIDR that is not a CIDR', () => {
    expect(failure(() => cilium({ podCIDR: '100.64.0.0/40' })).message).toMatch(/pod CIDR '100\.64\.0\.0\/40' is not an IPv4 CIDR/);
  });

  test('fails on a pod CIDR with host bits set', () => {
    expect(failure(() => cilium({ podCIDR: '100.64.1.0/18' })).message).toBe('pod CIDR 100.64.1.0/18 has host bits set: use 100.64.0.0/18');
  });

  test('fails on a native routing CIDR that is not a CIDR', () => {
    const e = failure(() => cilium({ podNetworking: CiliumPodNetworking.NATIVE, ipv4NativeRoutingCIDR: '100.64.0.0-100.64.255.255' }));
    expect(e.message).toMatch(/ipv4NativeRoutingCIDR '100\.64\.0\.0-100\.64\.255\.255' is not an IPv4 CIDR/);
  });

  test('fails on a native routing CIDR with host bits set', () => {
    const e = failure(() => cilium({ podNetworking: CiliumPodNetworking.NATIVE, ipv4NativeRoutingCIDR: '100.64.0.1/17' }));
    expect(e.message).toBe('ipv4NativeRoutingCIDR 100.64.0.1/17 has host bits set: use 100.64.0.0/17');
  });

  test('fails on a native routing CIDR that does not contain the pod CIDR', () => {
    const e = failure(() => cilium({ podNetworking: CiliumPodNetworking.NATIVE, podCIDR: '100.64.0.0/17', ipv4NativeRoutingCIDR: '100.64.0.0/18' }));
    expect(e.message).toMatch(/ipv4NativeRoutingCIDR '100\.64\.0\.0\/18' does not contain the pod CIDR '100\.64\.0\.0\/17'/);
  });

  test('fails on a native routing CIDR without native routing', () => {
    const e = failure(() => cilium({ ipv4NativeRoutingCIDR: '100.64.0.0/17' }));
    expect(e.message).toMatch(/ipv4NativeRoutingCIDR '100\.64\.0\.0\/17' only applies to native routing, but pod networking is 'vxlan'/);
  });
});
