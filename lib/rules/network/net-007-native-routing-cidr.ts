import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { contains, parseIpv4Cidr } from '../../common/ipv4-block';

/**
 * NET-007: with native routing, Cilium's `ipv4NativeRoutingCIDR` contains the pod CIDR
 * (seed 001 Cilium layer: `routingMode: native`, `ipv4NativeRoutingCIDR: 100.64.0.0/17`
 * around the pod CIDR 100.64.0.0/18); traffic to pod addresses outside it is masqueraded.
 */
export const NET_007: Rule<VmoSiteModel> = {
  id: 'NET-007',
  level: FindingLevel.ERROR,
  description: "Cilium's ipv4NativeRoutingCIDR, when native routing is chosen, contains the pod CIDR",
  source: 'seed 001 (RA rev 1.2), Cilium layer',
  check(site) {
    if (site.cni?.podNetworking !== 'native') return [];
    const pod = parseIpv4Cidr(site.kubernetes?.podCidr);
    const routing = site.cni.ipv4NativeRoutingCidr;
    if (!pod) return []; // NET-001
    if (routing === undefined) {
      return [{ location: 'cilium.ipv4NativeRoutingCidr', message: `native pod networking has no ipv4NativeRoutingCidr: set it to the pod CIDR ${pod.canonical} or a CIDR containing it` }];
    }
    const block = parseIpv4Cidr(routing);
    const out: RuleViolation[] = [];
    if (block && !contains(block, pod)) {
      out.push({
        location: 'cilium.ipv4NativeRoutingCidr',
        message: `cilium native routing CIDR ${routing} does not contain the pod CIDR ${pod.canonical}: use ${pod.canonical} or a CIDR containing it`,
      });
    }
    return out;
  },
};
