import { BookSection } from '../book-section';
import { table } from '../markdown';
import { vlanRows } from '../site-network';

/** Every VLAN: what it is for, where it ends on the host, whether VMs can use it (VLAN-002) and its NAD. */
export const VLANS: BookSection = {
  title: 'VLANs',
  render({ model }) {
    const rows = vlanRows(model).map((r) => [r.vlan, r.purpose, r.terminates, r.vms, r.nads.join(', ')]);
    return [
      ...table(['VLAN', 'Purpose', 'Terminates on', 'VMs can use it', 'NAD (namespace)'], rows),
      '',
      `A VLAN with a subinterface on the bond under ${model.network.vmBridge} is captured there and never reaches the bridge (seed 002, "When limited on network interfaces"; rule VLAN-002).`,
    ];
  },
};
