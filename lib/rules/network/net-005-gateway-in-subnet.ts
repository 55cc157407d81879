import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { describeRange, ipv4ToString, parseIpv4Address, parseIpv4Cidr } from '../../common/ipv4-block';

/** NET-005: each gateway lies inside its subnet and is neither its network nor its broadcast address. */
export const NET_005: Rule<VmoSiteModel> = {
  id: 'NET-005',
  level: FindingLevel.ERROR,
  // A site that breaks it cannot work (malformed or contradictory input): no suppression lets it through.
  suppressible: false,
  description: 'each gateway lies inside its subnet and is not the network or broadcast address',
  source: 'rules-catalog.md (seed 002 network table gives the data gateway 10.20.30.1 inside its subnet)',
  check(site) {
    const out: RuleViolation[] = [];
    for (const role of ['pxe', 'mgmt', 'data'] as const) {
      const { gateway, cidr } = site.network[role];
      const gw = parseIpv4Address(gateway);
      const subnet = parseIpv4Cidr(cidr);
      if (gateway === undefined || gw === undefined || !subnet || subnet.prefix === undefined) continue; // NET-001
      const location = `network.${role}.gateway`;
      const name = `${role === 'pxe' ? 'PXE' : role} gateway ${gateway}`;
      const hosts = subnet.prefix >= 31 ? describeRange(subnet) : `${ipv4ToString(subnet.first + 1)}-${ipv4ToString(subnet.last - 1)}`;
      if (gw < subnet.first || gw > subnet.last) {
        out.push({ location, message: `${name} is outside its subnet ${subnet.canonical}: use an address of ${hosts}, or fix network.${role}.cidr` });
      } else if (subnet.prefix < 31 && (gw === subnet.first || gw === subnet.last)) {
        const which = gw === subnet.first ? 'network' : 'broadcast';
        out.push({ location, message: `${name} is the ${which} address of ${subnet.canonical}: use a host address of ${hosts}` });
      }
    }
    return out;
  },
};
