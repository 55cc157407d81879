import {
  BgpAdvertisementSpec, BgpPeerV1Beta2Spec, L2AdvertisementSpec, toJson_BgpAdvertisementSpec, toJson_BgpPeerV1Beta2Spec,
  toJson_L2AdvertisementSpec,
} from '../../../imports/metallb.io';
import { ValidationError } from '../../common/errors';
import { checkInterfaceName } from '../../common/interface-name';
import { isIpAddress, isIpv4Address } from '../../common/ip-address';
import { ProfileVariable } from '../../palette/profile-variable';
import { Values } from '../../palette/values';
import { checkMetalLbName } from './metallb-address-pool';

/** The interface the RA advertises on: seed 001 MetalLB layer, and the variable's default in rev 1.7. */
export const RA_L2_INTERFACE = 'bond_data.20';

/** An L2 (ARP/NDP) advertisement: `configuration.l2advertisements.<name>.spec`. */
export interface MetalLbL2AdvertisementOptions extends Omit<L2AdvertisementSpec, 'interfaces' | 'ipAddressPools'> {
  /** The advertisement name. @default 'default' */
  readonly name?: string;
  /** The pools to advertise, by name. @default every pool of the pack */
  readonly ipAddressPools?: readonly string[];
  /**
   * The node interfaces to announce from. By default MetalLB announces on every interface,
   * "which is often undesirable" (RA rev 1.7); rev 1.7 makes this a profile variable, so an
   * entry may be one. An empty list means every interface.
   * @default ['bond_data.20']
   */
  readonly interfaces?: readonly (string | ProfileVariable)[];
}

/**
 * A BGP peer: `configuration.bgppeers.<name>.spec`, typed as the `metallb.io/v1beta2`
 * BGPPeer. `password` is left out on purpose: a plain password would land in the profile;
 * use `passwordSecret` (a `kubernetes.io/basic-auth` Secret in metallb-system) instead.
 */
export interface MetalLbBgpPeer extends Omit<BgpPeerV1Beta2Spec, 'password'> {
  /** The peer name, e.g. `tor-a`. */
  readonly name: string;
}

/** A BGP advertisement: `configuration.bgpadvertisements.<name>.spec`. */
export interface MetalLbBgpAdvertisement extends Omit<BgpAdvertisementSpec, 'ipAddressPools'> {
  /** The advertisement name. */
  readonly name: string;
  /** The pools to advertise, by name. @default every pool of the pack */
  readonly ipAddressPools?: readonly string[];
}

export interface MetalLbBgpOptions {
  /** The routers to peer with; at least one. */
  readonly peers: readonly MetalLbBgpPeer[];
  /** @default one advertisement named 'default' for every pool */
  readonly advertisements?: readonly MetalLbBgpAdvertisement[];
}

const MAX_ASN = 4294967295;

/**
 * How MetalLB announces the pool addresses: L2 on chosen interfaces (the RA's choice) or
 * BGP to the routers ("If the target infrastructure has BGP routing capabilities, MetalLB
 * could alternatively be configured to advertise IP addresses to the BGP routers", RA rev 1.7).
 */
export class MetalLbAdvertisement {
  /** L2 advertisements, by default on the RA's `bond_data.20` interface. */
  public static l2(options: MetalLbL2AdvertisementOptions = {}): MetalLbAdvertisement {
    const name = options.name ?? 'default';
    checkMetalLbName('L2 advertisement', name);
    const interfaces = options.interfaces ?? [RA_L2_INTERFACE];
    for (const i of interfaces) if (typeof i === 'string') checkInterfaceName(i, 'MetalLB L2 interface', RA_L2_INTERFACE);
    return new MetalLbAdvertisement('l2', (pools) => {
      const { name: _n, ipAddressPools, interfaces: _i, ...rest } = options;
      const spec: Values = toJson_L2AdvertisementSpec(rest) ?? {};
      return {
        l2advertisements: {
          [name]: {
            spec: {
              ipAddressPools: [...checkPoolRefs(`L2 advertisement '${name}'`, ipAddressPools, pools)],
              ...(interfaces.length ? { interfaces } : {}),
              ...spec,
            },
          },
        },
      };
    });
  }

  /** BGP sessions to the given peers, with advertisements of the pools. */
  public static bgp(options: MetalLbBgpOptions): MetalLbAdvertisement {
    if (options.peers.length === 0) {
      throw new ValidationError('MetalLB BGP mode has no peers: give at least one peer (name, myAsn, peerAsn, peerAddress)');
    }
    const peerNames = new Set<string>();
    for (const p of options.peers) {
      checkPeer(p);
      if (peerNames.has(p.name)) throw new ValidationError(`MetalLB BGP peer name '${p.name}' is used twice: give each peer its own name`);
      peerNames.add(p.name);
    }
    const advertisements = options.advertisements ?? [{ name: 'default' }];
    const advNames = new Set<string>();
    for (const a of advertisements) {
      checkMetalLbName('BGP advertisement', a.name);
      if (advNames.has(a.name)) throw new ValidationError(`MetalLB BGP advertisement name '${a.name}' is used twice: give each advertisement its own name`);
      advNames.add(a.name);
      for (const peer of a.peers ?? []) {
        if (!peerNames.has(peer)) {
          throw new ValidationError(`MetalLB BGP advertisement '${a.name}' names peer '${peer}', which is not defined: use one of ${[...peerNames].join(', ')}`);
        }
      }
    }
    return new MetalLbAdvertisement('bgp', (pools) => {
      const bgppeers: Record<string, Values> = {};
      for (const { name, ...spec } of options.peers) bgppeers[name] = { spec: toJson_BgpPeerV1Beta2Spec(spec) ?? {} };
      const bgpadvertisements: Record<string, Values> = {};
      for (const { name, ipAddressPools, ...spec } of advertisements) {
        bgpadvertisements[name] = {
          spec: {
            ipAddressPools: [...checkPoolRefs(`BGP advertisement '${name}'`, ipAddressPools, pools)],
            ...(toJson_BgpAdvertisementSpec(spec) ?? {}),
          },
        };
      }
      return { bgppeers, bgpadvertisements };
    });
  }

  private constructor(
    /** `l2` or `bgp`. */
    public readonly mode: string,
    private readonly render: (poolNames: readonly string[]) => Values,
  ) {}

  /**
   * The entries under `charts.metallb-full.configuration` for pools of these names.
   * Checks that every referenced pool exists.
   */
  public toConfiguration(poolNames: readonly string[]): Values {
    return this.render(poolNames);
  }
}

function checkPoolRefs(owner: string, refs: readonly string[] | undefined, pools: readonly string[]): readonly string[] {
  if (refs === undefined) return pools;
  if (refs.length === 0) throw new ValidationError(`MetalLB ${owner} advertises no pools: name at least one of ${pools.join(', ')}`);
  for (const r of refs) {
    if (!pools.includes(r)) throw new ValidationError(`MetalLB ${owner} names pool '${r}', which is not defined: use one of ${pools.join(', ')}`);
  }
  return refs;
}

function checkPeer(p: MetalLbBgpPeer): void {
  checkMetalLbName('BGP peer', p.name);
  checkAsn(p.name, 'myAsn', p.myAsn);
  if ((p.peerAsn === undefined) === (p.dynamicAsn === undefined)) {
    throw new ValidationError(`MetalLB BGP peer '${p.name}' needs exactly one of peerAsn and dynamicAsn: set the router's AS number in peerAsn`);
  }
  if (p.peerAsn !== undefined) checkAsn(p.name, 'peerAsn', p.peerAsn);
  if ((p.peerAddress === undefined) === (p.interface === undefined)) {
    throw new ValidationError(`MetalLB BGP peer '${p.name}' needs exactly one of peerAddress and interface: set the router's address in peerAddress`);
  }
  if (p.peerAddress !== undefined) checkIp(p.name, 'peerAddress', p.peerAddress);
  if (p.sourceAddress !== undefined) checkIp(p.name, 'sourceAddress', p.sourceAddress);
  if (p.routerId !== undefined && !isIpv4Address(p.routerId)) {
    throw new ValidationError(`MetalLB BGP peer '${p.name}' routerId '${p.routerId}' is not an IPv4 address: write it as a.b.c.d`);
  }
  if (p.peerPort !== undefined && (!Number.isInteger(p.peerPort) || p.peerPort < 1 || p.peerPort > 65535)) {
    throw new ValidationError(`MetalLB BGP peer '${p.name}' peerPort ${p.peerPort} is out of range: use 1-65535 (BGP listens on 179)`);
  }
}

function checkAsn(peer: string, field: string, asn: number): void {
  if (!Number.isInteger(asn) || asn < 1 || asn > MAX_ASN) {
    throw new ValidationError(`MetalLB BGP peer '${peer}' ${field} ${asn} is not a valid AS number: use a whole number from 1 to ${MAX_ASN} (e.g. 64512)`);
  }
}

function checkIp(peer: string, field: string, text: string): void {
  if (!isIpAddress(text)) {
    throw new ValidationError(`MetalLB BGP peer '${peer}' ${field} '${text}' is not an IP address: write an IPv4 (a.b.c.d) or IPv6 address`);
  }
}
