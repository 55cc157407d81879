import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hostSubnetBudget, SubnetUseKind } from './host-subnet-budget';

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
    const out: RuleViolation[] = [];
    for (const name of ['pxe', 'mgmt', 'data'] as const) {
      const budget = hostSubnetBudget(site, name);
      const { subnet, usable, needed } = budget;
      if (!subnet || subnet.prefix === undefined || usable === undefined) continue; // NET-001
      if (needed <= usable) continue;
      const words: Record<SubnetUseKind, (count: number) => string> = {
        nodes: () => `${controlPlane} control-plane and ${workers} worker node(s)`,
        'repave-spare': (n) => `${n} repave spare`,
        gateway: () => 'the gateway',
        'metallb-pools': (n) => `${n} MetalLB pool address(es)`,
      };
      const prefix = 32 - Math.ceil(Math.log2(needed + 2));
      out.push({
        location: `network.${name}.cidr`,
        message:
          `${name === 'pxe' ? 'PXE' : name} subnet ${subnet.canonical} has ${usable} usable address(es), but ${budget.uses.map((u) => words[u.kind](u.count)).join(', ')} need ${needed}: ` +
          `use a /${prefix} or larger${name === 'data' ? ', or smaller MetalLB pools' : ''}`,
      });
    }
    return out;
  },
};
