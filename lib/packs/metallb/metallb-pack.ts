import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { isYamlMap, RenderedLayer, valueAt } from '../../palette/rendered';
import { addRuleCheck } from '../../palette/rule-validation';
import { Values } from '../../palette/values';
import { ILoadBalancerLayer, LoadBalancerFacts } from '../facts';
import { checkAddressPool, MetalLbAddressPool, poolAddressProblems, RA_ADDRESS_POOL, renderAddressPool } from './metallb-address-pool';
import { MetalLbAdvertisement } from './metallb-advertisement';

/** The pack's namespace. The pack's own comment says not to change it (pack-values.md §6). */
export const METALLB_NAMESPACE = 'metallb-system';

export interface MetalLbPackProps {
  /** The `lb-metallb-helm` version. @default '0.15.2' (RA rev 1.7) */
  readonly version?: string;
  /** @default 10 (RA rev 1.7, MetalLB layer "Install order") */
  readonly installPriority?: number;
  /**
   * The address pools for LoadBalancer services.
   * @default one pool 'first-pool' with 10.20.30.100-10.20.30.200, avoidBuggyIPs and autoAssign on (RA)
   */
  readonly addressPools?: readonly MetalLbAddressPool[];
  /**
   * How the addresses are announced.
   * @default MetalLbAdvertisement.l2() — advertisement 'default' of every pool on 'bond_data.20' (RA)
   */
  readonly advertisement?: MetalLbAdvertisement;
  /**
   * `metallb.speaker.ignoreExcludeLB`: let nodes labelled
   * `node.kubernetes.io/exclude-from-external-load-balancers` (control planes) announce too.
   * @default true (RA rev 1.7: "so that control plane nodes are able to advertise MetalLB L2 addresses")
   */
  readonly ignoreExcludeLB?: boolean;
  /** The registry the pack comes from; the pack type follows the registry's kind. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /**
   * The pack's complete default values for this version, exported from Palette. Values
   * merge, so pools and advertisements of the defaults that are not named here (the pack
   * ships 'first-pool' and L2 advertisement 'default') stay: reuse those names, or take
   * them out of the defaults.
   * @default none
   */
  readonly defaults?: PackDefaults;
  /** More values, deep-merged last (after the RA settings). @default none */
  readonly values?: Values;
}

/**
 * The RA's MetalLB (Helm) layer (`lb-metallb-helm`, Core add-on profile): the address
 * pools and their L2 or BGP advertisement, rendered into the pack's umbrella chart
 * `charts.metallb-full` (`configuration` generates the CRs, `metallb` is the upstream chart).
 */
export class MetalLbPack extends PackLayer implements ILoadBalancerLayer {
  public readonly addressPools: readonly MetalLbAddressPool[];
  public readonly advertisement: MetalLbAdvertisement;

  constructor(scope: Construct, id: string, props: MetalLbPackProps = {}) {
    super(scope, id, {
      name: 'lb-metallb-helm',
      version: props.version ?? '0.15.2',
      layer: LayerType.ADDON,
      role: LayerRole.LOAD_BALANCER,
      installPriority: props.installPriority ?? 10,
      namespace: METALLB_NAMESPACE,
      registry: props.registry,
      defaults: props.defaults,
    });
    this.addressPools = props.addressPools ?? [RA_ADDRESS_POOL];
    this.advertisement = props.advertisement ?? MetalLbAdvertisement.l2();
    if (this.addressPools.length === 0) {
      throw new ValidationError(`MetalLB layer '${id}' has no address pools: give at least one pool (e.g. 'first-pool' with '10.20.30.100-10.20.30.200')`);
    }
    const ipaddresspools: Record<string, Values> = {};
    for (const pool of this.addressPools) {
      checkAddressPool(pool);
      if (ipaddresspools[pool.name]) throw new ValidationError(`MetalLB address pool name '${pool.name}' is used twice: give each pool its own name`);
      ipaddresspools[pool.name] = { spec: renderAddressPool(pool) };
    }
    const pools = this.addressPools;
    addRuleCheck(this, 'NET-001', () => pools.flatMap(poolAddressProblems));
    // Rendered now so that references to unknown pools fail in the constructor.
    const advertisements = this.advertisement.toConfiguration(this.addressPools.map((p) => p.name));

    this.addValues({
      pack: {
        namespace: METALLB_NAMESPACE,
        namespaceLabels: {
          // MetalLB's speaker needs host networking and NET_RAW: the namespace runs privileged.
          [METALLB_NAMESPACE]:
            'pod-security.kubernetes.io/enforce=privileged,pod-security.kubernetes.io/enforce-version=v{{ .spectro.system.kubernetes.version | substr 0 4 }}',
        },
      },
      charts: {
        'metallb-full': {
          configuration: { ipaddresspools, ...advertisements },
          metallb: { speaker: { ignoreExcludeLB: props.ignoreExcludeLB ?? true } },
        },
      },
    });
    if (props.values) this.addValues(props.values);
  }

  /** What the written values say: the pools, the advertisement mode and interfaces, the BGP peers. */
  public loadBalancerFacts(rendered: RenderedLayer): LoadBalancerFacts {
    const config = valueAt(rendered.deployed, 'charts', 'metallb-full', 'configuration');
    const entries = (key: string) => Object.entries(isYamlMap(valueAt(config, key)) ? (valueAt(config, key) as Record<string, unknown>) : {});
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const pools = entries('ipaddresspools').map(([name, p]) => ({
      name,
      addresses: strings(valueAt(p, 'spec', 'addresses')),
      autoAssign: valueAt(p, 'spec', 'autoAssign') !== false,
      avoidBuggyIPs: valueAt(p, 'spec', 'avoidBuggyIPs') === true,
    }));
    const l2 = entries('l2advertisements');
    return {
      mode: entries('bgpadvertisements').length && !l2.length ? 'bgp' : 'l2',
      pools,
      l2Interfaces: l2.flatMap(([, a]) => strings(valueAt(a, 'spec', 'interfaces'))),
      bgpPeers: entries('bgppeers').map(([, p]) => {
        const asn = valueAt(p, 'spec', 'peerASN');
        return { address: String(valueAt(p, 'spec', 'peerAddress') ?? ''), ...(typeof asn === 'number' ? { asn } : {}) };
      }),
    };
  }
}
