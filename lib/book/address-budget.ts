import { Ipv4Block, parseIpv4Address, parseIpv4Cidr, parseIpv4Pool } from '../common/ipv4-block';
import { VmoSiteModel } from '../model/vmo-site-model';

/*
 * Address budgets of the site's networks: how many addresses each subnet offers and what
 * the site takes from it. Counts only; the rules (NET-002, NET-003, NET-006) decide whether
 * the networks are valid, with the same parsers (lib/common/ipv4-block).
 */

/** Seed 000 "IP Requirements" (PCG): node IPs, Kubernetes API VIP, PCG VIP and repave buffer. */
export const PCG_ADDRESSES = {
  singleNode: { nodes: 1, apiVip: 0, pcgVip: 1, repave: 1 },
  highlyAvailable: { nodes: 3, apiVip: 1, pcgVip: 1, repave: 1 },
} as const;

/** Seed 002 "Solution Sizing": one node block is kept spare for a control-plane repave. */
export const REPAVE_SPARE_NODES = 1;

/** Addresses of a subnet hosts can use: all but the network and broadcast addresses (a /31 and /32 use all). */
export function usableAddresses(block: Ipv4Block): number {
  const size = block.last - block.first + 1;
  return block.prefix !== undefined && block.prefix < 31 ? size - 2 : size;
}

/** Addresses ending in .0 or .255 in a block: MetalLB skips them when `avoidBuggyIPs` is on. */
function buggyAddresses(block: Ipv4Block): number {
  let n = 0;
  // Each /24 contributes its .0 and .255 when they lie inside the block.
  for (let base = Math.floor(block.first / 256) * 256; base <= block.last; base += 256) {
    if (base >= block.first) n++;
    if (base + 255 <= block.last && base + 255 >= block.first) n++;
  }
  return n;
}

/** One MetalLB pool with the addresses it can hand out. */
export interface PoolSize {
  readonly name: string;
  readonly entries: readonly string[];
  /** Addresses MetalLB can assign; undefined when an entry does not parse (NET-001 reports it). */
  readonly addresses?: number;
  readonly avoidBuggyIPs: boolean;
  readonly autoAssign: boolean;
}

/** The pools the load balancer layer writes, each with its size. */
export function poolSizes(model: VmoSiteModel): PoolSize[] {
  return (model.loadBalancer?.pools ?? []).map((p) => {
    const blocks = p.addresses.map((a) => parseIpv4Pool(a));
    const parsed = blocks.every((b): b is Ipv4Block => b !== undefined);
    const addresses = parsed ? blocks.reduce((n, b) => n + (b.last - b.first + 1) - (p.avoidBuggyIPs ? buggyAddresses(b) : 0), 0) : undefined;
    return { name: p.name, entries: p.addresses, avoidBuggyIPs: p.avoidBuggyIPs, autoAssign: p.autoAssign, ...(addresses !== undefined ? { addresses } : {}) };
  });
}

/** One line of the address budget: a subnet, what the site takes from it, and what it offers. */
export interface BudgetLine {
  readonly network: string;
  readonly cidr: string;
  /** What the site places there, in words with counts. */
  readonly takes: string;
  readonly needed?: number;
  readonly usable?: number;
}

/** The host subnets' budgets: node addresses plus the repave spare; on the data subnet also the gateway and MetalLB pools. */
export function hostBudgets(model: VmoSiteModel): BudgetLine[] {
  const { controlPlane, workers } = model.nodes;
  const nodes = controlPlane + workers;
  const n = model.network;
  const pools = poolSizes(model);
  const poolAddresses = pools.reduce((s, p) => s + (p.addresses ?? 0), 0);
  const line = (network: string, cidr: string, gateway: string | undefined, extra: { text: string; count: number }[]): BudgetLine => {
    const block = parseIpv4Cidr(cidr);
    const gw = parseIpv4Address(gateway) !== undefined ? [{ text: 'gateway 1', count: 1 }] : [];
    const parts = [{ text: `node addresses ${nodes} (${controlPlane} control plane + ${workers} workers)`, count: nodes }, { text: `repave spare ${REPAVE_SPARE_NODES}`, count: REPAVE_SPARE_NODES }, ...gw, ...extra];
    return {
      network,
      cidr,
      takes: parts.map((p) => p.text).join(', '),
      needed: parts.reduce((s, p) => s + p.count, 0),
      ...(block ? { usable: usableAddresses(block) } : {}),
    };
  };
  const lb = model.loadBalancer?.mode === 'l2' && pools.length ? [{ text: `MetalLB pools ${poolAddresses}`, count: poolAddresses }] : [];
  return [
    line('PXE', n.pxe.cidr, n.pxe.gateway, []),
    line('mgmt', n.mgmt.cidr, n.mgmt.gateway, []),
    line('data', n.data.cidr, n.data.gateway, lb),
  ];
}
