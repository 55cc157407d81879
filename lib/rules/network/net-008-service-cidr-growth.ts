import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { blockContaining, freeBlockAfter, overlaps } from '../../common/ipv4-block';
import { blocksOf, siteSubnets } from './site-networks';
import { RA_DEFAULTS } from '../../model/ra-defaults';

/**
 * NET-008: a service CIDR inside the block the pod CIDR would grow into (the next larger
 * prefix, e.g. a /18 pod CIDR grows to a /17) blocks that growth. Seed 002 "Solution
 * Sizing": "If the cluster is expected to grow, select a service CIDR that is intentionally
 * further away, such as 100.65.0.0/x, so that the pod CIDR can be increased to support
 * more nodes later." The RA's own defaults (100.64.0.0/18, 100.64.64.0/18) sit that way on
 * purpose, sized for its 64 nodes: a site that keeps both gets an info in the RA's words, not a
 * warning; a site that chose its own adjacent CIDRs gets the warning.
 */
export const NET_008: Rule<VmoSiteModel> = {
  id: 'NET-008',
  level: FindingLevel.WARNING,
  description: 'the service CIDR does not sit where the pod CIDR would grow (right after it); suggest one further away',
  source: 'seed 002 (RA rev 1.7), "Solution Sizing"',
  check(site) {
    const subnets = siteSubnets(site);
    const pod = subnets.find((s) => s.location === 'kubernetes.podCidr')?.block;
    const service = subnets.find((s) => s.location === 'kubernetes.serviceCidr')?.block;
    if (!pod || !service || pod.prefix === undefined || service.prefix === undefined || pod.prefix < 2) return [];
    const grown = blockContaining(pod.first, pod.prefix - 1);
    if (!grown || !overlaps(grown, service) || overlaps(pod, service)) return []; // overlaps are NET-002's
    // Room for two doublings of the pod CIDR, then the first free block of the service's size.
    const room = blockContaining(pod.first, pod.prefix - 2);
    const taken = blocksOf(subnets.filter((s) => s.location !== 'kubernetes.serviceCidr'));
    const away = room ? freeBlockAfter(room.last + 1, service.prefix, [room, ...taken]) : undefined;
    if (pod.canonical === RA_DEFAULTS.kubernetes.podCidr && service.canonical === RA_DEFAULTS.kubernetes.serviceCidr) {
      return [
        {
          location: 'kubernetes.serviceCidr',
          level: FindingLevel.INFO,
          message:
            `the RA's pod CIDR ${pod.text} and service CIDR ${service.text} are sized for up to 64 nodes; the RA says: "If the cluster is expected to grow, ` +
            `select a service CIDR that is intentionally further away, such as 100.65.0.0/x, so that the pod CIDR can be increased to support more nodes later"` +
            `${away ? ` (e.g. ${away.canonical})` : ''}`,
        },
      ];
    }
    return [
      {
        location: 'kubernetes.serviceCidr',
        message:
          `service CIDR ${service.text} sits right ${service.first > pod.last ? 'after' : 'before'} the pod CIDR ${pod.text}, ` +
          `so the pod CIDR cannot grow to ${grown.canonical} later: ` +
          `if the cluster may grow, use a service CIDR further away${away ? `, such as ${away.canonical}` : ''}`,
      },
    ];
  },
};
