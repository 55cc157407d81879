import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { findInterface } from '../../model/host-network';
import { VmoSiteModel } from '../site-model';

/**
 * VLAN-006: the interface Multus attaches VMs to is a bridge. Seed 002: "The master interface
 * for this scenario must be a bridge interface. It does not work with any other type."
 * Seed 000: "br0 must be a bridge (not a bond or VLAN directly)".
 */
export const VLAN_006: Rule<VmoSiteModel> = {
  id: 'VLAN-006',
  level: FindingLevel.ERROR,
  description: 'the VM bridge (the Multus master) is a bridge interface such as br0, not a bond or VLAN interface',
  source: 'seed 000 "NIC Layout"; seed 002 (RA rev 1.7), "Network configuration"',
  check(site) {
    const out: RuleViolation[] = [];
    const name = site.network.vmBridge;
    const iface = findInterface(site.network, name);
    const bridges = site.network.interfaces.filter((i) => i.kind === 'bridge').map((i) => i.name);
    const fix = bridges.length ? `use ${bridges.join(' or ')}` : 'add a bridge on the data bond and use it';
    if (!iface) {
      out.push({
        location: 'network.vmBridge',
        message: `VM bridge '${name}' is not an interface of the ${site.network.layout} layout (${site.network.interfaces.map((i) => i.name).join(', ')}): ${fix}`,
      });
    } else if (iface.kind !== 'bridge') {
      out.push({
        location: 'network.vmBridge',
        message: `VM bridge '${name}' is a ${iface.kind === 'vlan' ? 'VLAN' : iface.kind} interface: the Multus master must be a bridge; ${fix}`,
      });
    }
    return out;
  },
};
