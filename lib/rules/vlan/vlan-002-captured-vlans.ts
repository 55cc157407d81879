import { VlanSet } from '../../common/vlan-set';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { bridgeUplink, vlansOn } from '../../model/host-network';
import { tryVlans } from '../../common/vlan-list';
import { taggedNetworks } from './vm-networks';
import { VmoSiteModel } from '../site-model';

/**
 * VLAN-002: a VLAN with a subinterface on the bond that carries the VM bridge never reaches
 * the bridge, so VMs cannot use it. Seed 002 "When limited on network interfaces": "VLANs 10
 * and 20 are NOT available for use by virtual machines on the br0 interface. This is because
 * VLANs 10 and 20 are already captured from the bond by the .10 and .20 subinterfaces".
 */
export const VLAN_002: Rule<VmoSiteModel> = {
  id: 'VLAN-002',
  level: FindingLevel.ERROR,
  description: 'VLANs with a subinterface on the bond under the VM bridge are not in the VM VLAN range and have no NAD',
  source: 'seed 002 (RA rev 1.7), "When limited on network interfaces"',
  check(site) {
    const out: RuleViolation[] = [];
    const network = site.network;
    const uplink = bridgeUplink(network);
    if (!uplink) return out; // VLAN-006
    const captured = vlansOn(network, uplink);
    const vm = tryVlans(site.vmo?.vmVlans);
    const layoutFix =
      network.layout === 'two-nic' ? ', or use the two-nic-vm-on-data-vlan layout to put the data VLAN on the bridge' : '';
    for (const vlan of captured) {
      const sub = network.interfaces.find((i) => i.kind === 'vlan' && i.parent === uplink && i.vlan === vlan);
      const why = `VLAN ${vlan} is taken by the subinterface ${sub?.name ?? `${uplink}.${vlan}`} of ${uplink}, which carries ${network.vmBridge}, so its traffic never reaches the bridge`;
      if (vm?.has(vlan)) {
        const rest = vm.toArray().filter((v) => !captured.includes(v));
        out.push({
          location: 'vmVlans',
          message: `vmVlans '${site.vmo?.vmVlans}' includes VLAN ${vlan}: ${why}; remove it${rest.length ? ` (e.g. '${VlanSet.of(...rest).toString()}')` : ''}${layoutFix}`,
        });
      }
      for (const net of taggedNetworks(site).filter((t) => t.vlan === vlan)) {
        out.push({
          location: net.setting,
          message: `VM network '${net.name}' (NAD) uses VLAN ${vlan}: ${why}; delete the network or pick a VM VLAN${layoutFix}`,
        });
      }
    }
    return out;
  },
};
