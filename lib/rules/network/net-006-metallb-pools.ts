import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { contains, describeRange, ipv4ToString, overlaps, parseIpv4Address, parseIpv4Cidr } from '../../common/ipv4-block';
import { poolEntries } from './site-networks';

/**
 * NET-006: MetalLB pools lie inside the data subnet (L2 mode: MetalLB answers ARP on the
 * data VLAN interface), exclude the gateway and the network and broadcast addresses, and
 * do not overlap. Seed 002 MetalLB layer: "The default value for the value is a block of
 * addresses in the bond_data.20 network."
 */
export const NET_006: Rule<VmoSiteModel> = {
  id: 'NET-006',
  level: FindingLevel.ERROR,
  description: 'each MetalLB pool lies inside the data subnet (L2 mode) and excludes its gateway, network and broadcast addresses; pools do not overlap',
  source: 'seed 001 (RA rev 1.2) and seed 002 (RA rev 1.7), MetalLB layer',
  check(site) {
    const out: RuleViolation[] = [];
    const data = parseIpv4Cidr(site.network.data.cidr);
    const gateway = parseIpv4Address(site.network.data.gateway);
    const entries = poolEntries(site).filter((p) => p.block);
    entries.forEach((p, i) => {
      const block = p.block;
      if (!block) return;
      const what = `${p.label} ${p.text}`;
      if (data && data.prefix !== undefined) {
        const inner = data.prefix < 31 ? { first: data.first + 1, last: data.last - 1 } : data;
        if (site.loadBalancer?.mode === 'l2' && !contains(data, block)) {
          out.push({
            location: p.location,
            message: `${what} is not inside the data subnet ${data.canonical}: L2 advertisement only reaches the data VLAN; use addresses of ${describeRange(inner)}`,
          });
        } else {
          for (const [addr, name] of [[data.first, 'network'], [data.last, 'broadcast']] as const) {
            if (data.prefix < 31 && addr >= block.first && addr <= block.last) {
              out.push({
                location: p.location,
                message: `${what} includes the ${name} address ${ipv4ToString(addr)} of the data subnet ${data.canonical}: start and end the pool inside ${describeRange(inner)}`,
              });
            }
          }
        }
      }
      if (gateway !== undefined && gateway >= block.first && gateway <= block.last) {
        out.push({
          location: p.location,
          message: `${what} includes the data gateway ${site.network.data.gateway}: leave the gateway out of the pool, e.g. start the range after it`,
        });
      }
      for (const q of entries.slice(i + 1)) {
        if (q.block && overlaps(block, q.block)) {
          out.push({
            location: q.location,
            message: `${q.label} ${q.text} overlaps ${p.label} ${p.text}: MetalLB hands out each address once; make the pools disjoint`,
          });
        }
      }
    });
    return out;
  },
};
