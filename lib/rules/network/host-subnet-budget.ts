import { contains, Ipv4Block, overlaps, parseIpv4Address, parseIpv4Cidr } from '../../common/ipv4-block';
import { VmoSiteModel } from '../site-model';
import { poolEntries } from './site-networks';

/** Seed 002 "Solution Sizing": one node block is kept spare for a control-plane repave. */
export const REPAVE_SPARE_NODES = 1;

/** Addresses of a subnet hosts can use: all but the network and broadcast addresses (a /31 and /32 use all). */
export function usableAddresses(block: Ipv4Block): number {
  const size = block.last - block.first + 1;
  return block.prefix !== undefined && block.prefix < 31 ? size - 2 : size;
}

/** What a host subnet gives addresses to. */
export type SubnetUseKind = 'nodes' | 'repave-spare' | 'gateway' | 'metallb-pools';

export interface SubnetUse {
  readonly kind: SubnetUseKind;
  readonly count: number;
}

/** A host subnet's address budget: what the site places on it against what it offers. */
export interface HostSubnetBudget {
  readonly name: 'pxe' | 'mgmt' | 'data';
  readonly cidr: string;
  /** Undefined when the CIDR does not parse (NET-001 reports it). */
  readonly subnet?: Ipv4Block;
  readonly uses: readonly SubnetUse[];
  readonly needed: number;
  readonly usable?: number;
}

/**
 * The budget of the PXE, mgmt or data subnet, one computation for NET-010 and the site book: an
 * address per node, the repave spare, the gateway when it lies in the subnet and, on the data
 * subnet, every MetalLB pool address inside it (MAAS must not hand those to nodes, whatever the
 * announcement mode).
 */
export function hostSubnetBudget(site: VmoSiteModel, name: 'pxe' | 'mgmt' | 'data'): HostSubnetBudget {
  const role = site.network[name];
  const subnet = parseIpv4Cidr(role.cidr);
  const { controlPlane, workers } = site.nodes;
  const uses: SubnetUse[] = [
    { kind: 'nodes', count: controlPlane + workers },
    { kind: 'repave-spare', count: REPAVE_SPARE_NODES },
  ];
  const gateway = parseIpv4Address(role.gateway);
  if (subnet && gateway !== undefined && gateway >= subnet.first && gateway <= subnet.last) uses.push({ kind: 'gateway', count: 1 });
  if (subnet && name === 'data') {
    const pooled = poolEntries(site)
      .filter((p) => p.block && overlaps(p.block, subnet) && contains(subnet, p.block))
      .reduce((n, p) => n + (p.block ? p.block.last - p.block.first + 1 : 0), 0);
    if (pooled) uses.push({ kind: 'metallb-pools', count: pooled });
  }
  return {
    name,
    cidr: role.cidr,
    ...(subnet ? { subnet, usable: usableAddresses(subnet) } : {}),
    uses,
    needed: uses.reduce((n, u) => n + u.count, 0),
  };
}
