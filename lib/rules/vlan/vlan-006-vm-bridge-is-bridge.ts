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
    const taken = site.network.interfaces.filter((i) => i.name === name && i.kind !== 'bridge');
    const fix = 'name the bridge as the RA does: br0';
    if (taken.length) {
      out.push({
        location: 'network.vmBridge',
        message: `VM bridge '${name}' is the name of the layout's ${taken[0].kind === 'vlan' ? 'VLAN' : taken[0].kind} interface: the Multus master must be a bridge of its own; ${fix}`,
      });
    } else if (!iface) {
      out.push({
        location: 'network.vmBridge',
        message: `VM bridge '${name}' is not an interface of the ${site.network.layout} layout (${site.network.interfaces.map((i) => i.name).join(', ')}): ${fix}`,
      });
    }
    return out;
  },
};
