import { Ipv4Block, parseIpv4Pool } from '../common/ipv4-block';
import { VmoSiteModel } from '../model/vmo-site-model';
import { hostSubnetBudget, SubnetUseKind } from '../rules/network/host-subnet-budget';

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

// One computation of the host subnets' budgets for the book and NET-010.
export { REPAVE_SPARE_NODES, usableAddresses } from '../rules/network/host-subnet-budget';

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

/** The host subnets' budgets as NET-010 computes them (hostSubnetBudget), in the book's words. */
export function hostBudgets(model: VmoSiteModel): BudgetLine[] {
  const { controlPlane, workers } = model.nodes;
  const words: Record<SubnetUseKind, (count: number) => string> = {
    nodes: (n) => `node addresses ${n} (${controlPlane} control plane + ${workers} workers)`,
    'repave-spare': (n) => `repave spare ${n}`,
    gateway: (n) => `gateway ${n}`,
    'metallb-pools': (n) => `MetalLB pools ${n}`,
  };
  const label = { pxe: 'PXE', mgmt: 'mgmt', data: 'data' } as const;
  return (['pxe', 'mgmt', 'data'] as const).map((name) => {
    const b = hostSubnetBudget(model, name);
    return {
      network: label[name],
      cidr: b.cidr,
      takes: b.uses.map((u) => words[u.kind](u.count)).join(', '),
      needed: b.needed,
      ...(b.usable !== undefined ? { usable: b.usable } : {}),
    };
  });
}
