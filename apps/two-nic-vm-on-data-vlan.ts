/**
 * RA "When limited on network interfaces", second table: the data VLAN moves from bond0.20
 * to br0.20 so VMs can run on VLAN 20 too. vlanFiltering then allows VLANs on br0 itself.
 */
import { PaletteApp, VmoSite } from '../lib';

export default function twoNicVmOnDataVlan(app: PaletteApp): void {
  new VmoSite(app, 'two-nic-vm-on-data-vlan', {
    // A profile name+version has one content in Palette: this site's baked values get their own names.
    profileNamePrefix: 'VMO-TwoNicVmOnData',
    nodes: { controlPlane: 3, workers: 5 },
    network: {
      layout: 'two-nic-vm-on-data-vlan',
      pxe: { vlan: 0, cidr: '192.168.0.0/22' },
      mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
      data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
    },
    vmVlans: '20-100',
    templates: { networks: [{ vlan: 20, name: 'vlan-20-end-users' }, { vlan: 30 }] },
    profiles: { layout: 'full' },
    suppressions: [
      {
        ruleId: 'VLAN-008',
        reason: 'this layout exists so VMs can share the end-user VLAN 20 (RA: "This configuration allows virtual machines to also run on VLAN 20")',
      },
    ],
  });
}
