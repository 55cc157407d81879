import { tryVlans } from '../../common/vlan-list';
import { VlanSet } from '../../common/vlan-set';
import { bridgeUplink, findInterface } from '../../model/host-network';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { taggedNetworks } from './vm-networks';

/**
 * VLAN-010: VM VLANs reach br0 only through the bond under it, so a VLAN the host uses on
 * another bond (the four-NIC management VLAN on bond_mgmt, a tagged PXE VLAN) is not a VM
 * VLAN. Seed 002 "Network configuration" (002:360-366): the management NICs are trunked
 * "allowing 0, 10", the data NICs under br0 "allowing 20–100"; VLAN 10 never arrives on the
 * bridge's bond, so a VM on it has no network. Reads the VM VLANs and NADs the site writes.
 */
export const VLAN_010: Rule<VmoSiteModel> = {
  id: 'VLAN-010',
  level: FindingLevel.ERROR,
  description: 'VM VLANs and NADs avoid the VLANs the host uses on a bond other than the one under the VM bridge (four NICs: the management VLAN)',
  source: 'seed 002 (RA rev 1.7), "Network configuration": switchport trunks of the four NICs',
  check(site) {
    const out: RuleViolation[] = [];
    const network = site.network;
    const uplink = bridgeUplink(network);
    if (!uplink) return out; // VLAN-006
    // VLAN subinterfaces of another bond or NIC than the bridge's: their VLANs are trunked to that bond only.
    const elsewhere = network.interfaces.filter(
      (i) => i.kind === 'vlan' && i.vlan !== undefined && i.parent !== uplink && findInterface(network, i.parent ?? '')?.kind !== 'bridge',
    );
    const vm = tryVlans(site.vmo?.vmVlans);
    const members = (bond: string) => findInterface(network, bond)?.members?.join(', ');
    for (const sub of elsewhere) {
      const vlan = sub.vlan as number;
      const parent = sub.parent ?? '';
      const why =
        `VLAN ${vlan} is the host's ${sub.name} on ${parent}${members(parent) ? ` (${members(parent)})` : ''}, but VMs attach to ${network.vmBridge} on ${uplink}` +
        `${members(uplink) ? ` (${members(uplink)})` : ''}, whose switchports carry the data and VM VLANs only (RA: data NICs "Trunk (allowing 20–100)")`;
      if (vm?.has(vlan)) {
        const rest = vm.toArray().filter((v) => v !== vlan);
        out.push({
          location: 'vmVlans',
          message: `vmVlans '${site.vmo?.vmVlans}' includes VLAN ${vlan}: ${why}; remove it${rest.length ? ` (e.g. '${VlanSet.of(...rest).toString()}')` : ''}`,
        });
      }
      for (const net of taggedNetworks(site).filter((t) => t.vlan === vlan)) {
        out.push({ location: net.setting, message: `VM network '${net.name}' (NAD) uses VLAN ${vlan}: ${why}; delete the network or pick a VM VLAN` });
      }
    }
    return out;
  },
};
