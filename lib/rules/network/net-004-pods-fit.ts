import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { describeBudget, formatCount, isCount, maxPodsOf, podBudget } from '../capacity/pod-budget';
import { VmoSiteModel } from '../site-model';

/**
 * NET-004: max pods per node times the nodes fits the pod CIDR, and pods are left for VMs
 * after the overhead. Seed 002 "Solution Sizing": "Maximum number of pods configured to 250,
 * allowing 250 * 63 = 15,750 pods to be active"; "Total overhead (63 * 10) + 58 = 688,
 * leaving 15,062 pods for VMs and/or workloads".
 */
export const NET_004: Rule<VmoSiteModel> = {
  id: 'NET-004',
  level: FindingLevel.WARNING,
  description: 'max pods per node x nodes fits the pod CIDR (each node block holds its max pods) and leaves pods for VMs after the overhead (10 per node + 58)',
  source: 'seed 002 (RA rev 1.7), "Solution Sizing"',
  check(site) {
    const out: RuleViolation[] = [];
    const maxPods = maxPodsOf(site);
    if (!isCount(maxPods) || maxPods < 1) {
      return [{ location: 'kubernetes.maxPodsPerNode', message: `max pods per node '${maxPods}' is not a positive whole number: use 250 (RA "Solution Sizing")` }];
    }
    const b = podBudget(site);
    if (!b) return out; // NET-001 / NET-003 report the malformed inputs
    if (b.maxPodsPerNode > b.podsPerBlock) {
      out.push({
        location: 'kubernetes.maxPodsPerNode',
        message:
          `${b.maxPodsPerNode} pods per node do not fit a /${b.nodePrefix} node block (${formatCount(b.podsPerBlock)} usable addresses): ` +
          `lower max pods per node to ${formatCount(b.podsPerBlock)} or use larger node blocks (e.g. /24 for 250 pods); ${describeBudget(b)}`,
      });
    } else if (b.activePods > (b.blocks - 1) * b.podsPerBlock) {
      out.push({
        location: 'kubernetes.podCidr',
        message:
          `pod CIDR ${b.podCidr.text} holds ${formatCount(Math.max(0, b.blocks - 1) * b.podsPerBlock)} pods besides the repave spare, ` +
          `but ${formatCount(b.activePods)} are needed: widen the pod CIDR (see NET-003) or lower max pods per node; ${describeBudget(b)}`,
      });
    }
    if (b.podsLeft <= 0) {
      out.push({
        location: 'kubernetes.maxPodsPerNode',
        message: `no pods are left for VMs: ${describeBudget(b)}; raise max pods per node to 250 (RA "Solution Sizing")`,
      });
    }
    return out;
  },
};
