import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { freeBlockAfter, overlaps } from '../../common/ipv4-block';
import { blocksOf, poolEntries, siteSubnets } from './site-networks';

/**
 * NET-002: the pod and service CIDRs and the PXE, mgmt and data subnets are pairwise
 * disjoint, and no MetalLB pool overlaps the pod, service, PXE or mgmt networks. Pools lie
 * inside the data subnet by design (NET-006 checks that and pool-vs-pool overlaps).
 */
export const NET_002: Rule<VmoSiteModel> = {
  id: 'NET-002',
  level: FindingLevel.ERROR,
  // A site that breaks it cannot work (malformed or contradictory input): no suppression lets it through.
  suppressible: false,
  description: 'pod CIDR, service CIDR, PXE, mgmt and data subnets are pairwise disjoint; MetalLB pools overlap none of them but the data subnet',
  source: 'seed 002 (RA rev 1.7), "Network configuration" network table',
  check(site) {
    const out: RuleViolation[] = [];
    const subnets = siteSubnets(site);
    for (let i = 0; i < subnets.length; i++) {
      for (let j = i + 1; j < subnets.length; j++) {
        const a = subnets[i];
        const b = subnets[j];
        if (!a.block || !b.block || !overlaps(a.block, b.block)) continue;
        const others = blocksOf(subnets.filter((s) => s !== b));
        const free = b.block.prefix === undefined ? undefined : freeBlockAfter(a.block.last + 1, b.block.prefix, others);
        out.push({
          location: b.location,
          message:
            `${b.label} ${b.text} overlaps the ${a.label} ${a.text}: every network needs its own addresses; ` +
            `move the ${b.label}${free ? `, e.g. to ${free.canonical}` : ' to a range no other network uses'}`,
        });
      }
    }
    const data = subnets.find((s) => s.location === 'network.data.cidr');
    for (const p of poolEntries(site)) {
      if (!p.block) continue;
      for (const s of subnets) {
        if (s === data || !s.block || !overlaps(p.block, s.block)) continue;
        out.push({
          location: p.location,
          message:
            `${p.label} ${p.text} overlaps the ${s.label} ${s.text}: load balancer addresses must not collide with it; ` +
            `use free addresses of the data subnet${data ? ` ${data.text}` : ''} instead`,
        });
      }
    }
    return out;
  },
};
