import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { isCount, podBudget } from '../capacity/pod-budget';
import { VmoSiteModel } from '../site-model';
import { blockContaining, freeBlockAfter, overlaps, parseIpv4Cidr } from '../../common/ipv4-block';
import { blocksOf, siteSubnets } from './site-networks';

/**
 * NET-003: the pod CIDR holds one node block (default /24) per node plus one spare for a
 * control-plane repave. Seed 002 "Solution Sizing": "This allows for 64 sub-CIDRs of /24
 * each, one for each node, up to 64 nodes", "1 node must be kept in spare to facilitate
 * control plane repaves".
 */
export const NET_003: Rule<VmoSiteModel> = {
  id: 'NET-003',
  level: FindingLevel.ERROR,
  description: 'the pod CIDR holds one node block per node plus one spare for control-plane repave: nodes + 1 <= 2^(nodePrefix - podPrefix)',
  source: 'seed 002 (RA rev 1.7), "Solution Sizing"',
  check(site) {
    const out: RuleViolation[] = [];
    const pod = parseIpv4Cidr(site.kubernetes?.podCidr);
    const nodePrefix = site.kubernetes?.nodePodCidrPrefix;
    if (!pod || pod.prefix === undefined) return out; // NET-001
    if (!isCount(nodePrefix) || nodePrefix < pod.prefix || nodePrefix > 32) {
      out.push({
        location: 'kubernetes.nodePodCidrPrefix',
        message:
          `node pod CIDR prefix '${nodePrefix}' does not fit the pod CIDR ${pod.text}: ` +
          `use a whole number from ${pod.prefix} to 32, normally 24 (the Kubernetes default)`,
      });
      return out;
    }
    const b = podBudget(site);
    if (!b || b.blocksNeeded <= b.blocks) return out;
    const prefix = b.nodePrefix - Math.ceil(Math.log2(b.blocksNeeded));
    const wider = prefix >= 0 ? blockContaining(b.podCidr.first, prefix) : undefined;
    let fix = wider ? `use a /${prefix} such as ${wider.canonical}` : `use fewer nodes or smaller node blocks (kubernetes.nodePodCidrPrefix)`;
    const service = siteSubnets(site).find((s) => s.location === 'kubernetes.serviceCidr');
    if (wider && service?.block?.prefix !== undefined && overlaps(wider, service.block)) {
      const taken = [wider, ...blocksOf(siteSubnets(site).filter((s) => s.location !== service.location))];
      const moved = freeBlockAfter(wider.last + 1, service.block.prefix, taken);
      fix += `, and move the service CIDR ${service.text} out of it${moved ? ` (e.g. to ${moved.canonical})` : ''}`;
    }
    out.push({
      location: 'kubernetes.podCidr',
      message:
        `pod CIDR ${pod.text} gives ${b.blocks} node blocks of /${b.nodePrefix} but ${b.blocksNeeded} are needed ` +
        `(${b.nodes} nodes + 1 spare for control-plane repave): ${fix}`,
    });
    return out;
  },
};
