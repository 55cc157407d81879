import { contains, overlaps, parseIpv4Address, parseIpv4Cidr } from '../../common/ipv4-block';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { poolEntries } from './site-networks';

/**
 * NET-010: every host network has an address for everything placed on it. MAAS assigns each
 * node an address on the PXE, mgmt and data subnets (seed 002 MAAS settings: "Subnets
 * 192.168.0.0/22 (Auto assign) 172.16.0.0/22 (Auto assign) 10.20.30.0/16 (Auto assign)"),
 * one node is "kept in spare to facilitate control plane repaves" ("Solution Sizing"), the data
 * subnet holds the gateway and the MetalLB pools ("a block of addresses in the bond_data.20
 * network", MetalLB layer), and the field guide's pre-flight checklist asks for the "MetalLB IP
 * pool on data VLAN" (seed 000).
 */
export const NET_010: Rule<VmoSiteModel> = {
  id: 'NET-010',
  level: FindingLevel.ERROR,
  description: 'each host subnet (PXE, mgmt, data) holds an address per node plus one repave spare; the data subnet also holds its gateway and the MetalLB pool addresses inside it',
  source: 'seed 002 (RA rev 1.7), "Solution Sizing", MAAS subnets and MetalLB layer; seed 000 pre-flight checklist',
  check(site) {
    const { controlPlane, workers } = site.nodes;
    if (![controlPlane, workers].every((n) => Number.isInteger(n) && n >= 0)) return []; // CAP-002 reports bad counts
    const nodes = controlPlane + workers;
    const out: RuleViolation[] = [];
    for (const name of ['pxe', 'mgmt', 'data'] as const) {
      const role = site.network[name];
      const subnet = parseIpv4Cidr(role.cidr);
      if (!subnet || subnet.prefix === undefined) continue; // NET-001
      const size = subnet.last - subnet.first + 1;
      const usable = subnet.prefix < 31 ? size - 2 : size;
      const gateway = parseIpv4Address(role.gateway);
      const uses: [string, number][] = [
        [`${controlPlane} control-plane and ${workers} worker node(s)`, nodes],
        ['1 repave spare', 1],
      ];
      if (gateway !== undefined && gateway >= subnet.first && gateway <= subnet.last) uses.push(['the gateway', 1]);
      if (name === 'data') {
        const inside = poolEntries(site).filter((p) => p.block && overlaps(p.block, subnet));
        const pooled = inside.reduce((n, p) => (p.block && contains(subnet, p.block) ? n + p.block.last - p.block.first + 1 : n), 0);
        if (pooled) uses.push([`${pooled} MetalLB pool address(es)`, pooled]);
      }
      const need = uses.reduce((n, [, count]) => n + count, 0);
      if (need <= usable) continue;
      const prefix = 32 - Math.ceil(Math.log2(need + 2));
      out.push({
        location: `network.${name}.cidr`,
        message:
          `${name === 'pxe' ? 'PXE' : name} subnet ${subnet.canonical} has ${usable} usable address(es), but ${uses.map(([what]) => what).join(', ')} need ${need}: ` +
          `use a /${prefix} or larger${name === 'data' ? ', or smaller MetalLB pools' : ''}`,
      });
    }
    return out;
  },
};
