import { Ipv4Block, parseIpv4Cidr, parseIpv4Pool } from '../../common/ipv4-block';
import { VMO_DASHBOARD_POOL } from '../../packs/vmo/vmo-pack';
import { VmoSiteModel } from '../site-model';

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

/**
 * The pod and service CIDRs as the Kubernetes layer writes them, and the PXE, mgmt and data
 * subnets of the hosts (seed 002 network table).
 */
export function siteSubnets(site: VmoSiteModel): SiteNetwork[] {
  const n = site.network;
  const entries: [string, string, string | undefined][] = [
    ['pod CIDR', 'kubernetes.podCidr', site.kubernetes?.podCidr],
    ['service CIDR', 'kubernetes.serviceCidr', site.kubernetes?.serviceCidr],
    ['PXE subnet', 'network.pxe.cidr', n.pxe.cidr],
    ['mgmt subnet', 'network.mgmt.cidr', n.mgmt.cidr],
    ['data subnet', 'network.data.cidr', n.data.cidr],
  ];
  return entries.flatMap(([label, location, text]) => (text === undefined ? [] : [network(label, location, text, parseIpv4Cidr(text))]));
}

/** Every address entry of every MetalLB pool the load balancer layer writes. */
export function poolEntries(site: VmoSiteModel): (SiteNetwork & { readonly pool: string })[] {
  return (site.loadBalancer?.pools ?? []).flatMap((p) =>
    p.addresses.map((text) => ({
      // The dashboard's own pool holds the site's vmo.dashboardAddress (direct access).
      ...network(`MetalLB pool '${p.name}' entry`, p.name === VMO_DASHBOARD_POOL ? 'vmo.dashboardAddress' : `loadBalancer.pools[${p.name}]`, text, parseIpv4Pool(text)),
      pool: p.name,
    })),
  );
}

function network(label: string, location: string, text: string, block: Ipv4Block | undefined): SiteNetwork {
  return block ? { label, location, text, block } : { label, location, text };
}

/** The blocks of the networks that parse. */
export function blocksOf(networks: readonly SiteNetwork[]): Ipv4Block[] {
  return networks.flatMap((n) => (n.block ? [n.block] : []));
}
