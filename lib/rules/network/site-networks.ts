import { SitePlan } from '../../site/site-plan';
import { Ipv4Block, parseIpv4Cidr, parseIpv4Pool } from '../../common/ipv4-block';

/** One network of the site as the rules name it: what it is, where it is set, and its block when it parses. */
export interface SiteNetwork {
  /** Operator words, e.g. `pod CIDR`, `data subnet`. */
  readonly label: string;
  /** The site setting, e.g. `kubernetes.podCidr`. */
  readonly location: string;
  readonly text: string;
  /** Undefined when the text does not parse (NET-001 reports it). */
  readonly block?: Ipv4Block;
}

/** The pod and service CIDRs and the PXE, mgmt and data subnets (seed 002 network table). */
export function siteSubnets(plan: SitePlan): SiteNetwork[] {
  const n = plan.network;
  const entries: [string, string, string][] = [
    ['pod CIDR', 'kubernetes.podCidr', plan.kubernetes.podCidr],
    ['service CIDR', 'kubernetes.serviceCidr', plan.kubernetes.serviceCidr],
    ['PXE subnet', 'network.pxe.cidr', n.pxe.cidr],
    ['mgmt subnet', 'network.mgmt.cidr', n.mgmt.cidr],
    ['data subnet', 'network.data.cidr', n.data.cidr],
  ];
  return entries.map(([label, location, text]) => network(label, location, text, parseIpv4Cidr(text)));
}

/** The subnet of one host network role, by its props name. */
export function subnetOf(plan: SitePlan, role: 'pxe' | 'mgmt' | 'data'): SiteNetwork {
  const text = plan.network[role].cidr;
  return network(`${role === 'pxe' ? 'PXE' : role} subnet`, `network.${role}.cidr`, text, parseIpv4Cidr(text));
}

/** Every address entry of every MetalLB pool. */
export function poolEntries(plan: SitePlan): (SiteNetwork & { readonly pool: string })[] {
  return plan.loadBalancer.pools.flatMap((p) =>
    (p.addresses ?? []).map((text) => ({ ...network(`MetalLB pool '${p.name}' entry`, `loadBalancer.pools[${p.name}]`, text, parseIpv4Pool(text)), pool: p.name })),
  );
}

function network(label: string, location: string, text: string, block: Ipv4Block | undefined): SiteNetwork {
  return block ? { label, location, text, block } : { label, location, text };
}

/** The blocks of the networks that parse. */
export function blocksOf(networks: readonly SiteNetwork[]): Ipv4Block[] {
  return networks.flatMap((n) => (n.block ? [n.block] : []));
}
