/**
 * The VMO reference architecture rev 1.7 as written: four NICs in two bonds, 3 control-plane
 * and 5 worker nodes, the 64-node CIDR plan, Portworx on a Pure FlashArray over Fibre
 * Channel with 1 TiB per worker. Writes the Full profile and the RA's split profiles, and the
 * MAAS cluster of the split profiles in deploy/ (Terraform JSON and the Palette API payload).
 */
import { PaletteApp, VmoSite } from '../lib';

export default function raReference(app: PaletteApp): void {
  new VmoSite(app, 'ra-reference', {
    nodes: { controlPlane: 3, workers: 5 },
    kubernetes: { podCidr: '100.64.0.0/18', serviceCidr: '100.64.64.0/18', identityProvider: 'palette' },
    network: {
      layout: 'four-nic',
      pxe: { vlan: 0, cidr: '192.168.0.0/22' },
      mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
      // The RA's network table writes this subnet as 10.20.30.0/16, which is not a network
      // address (NET-001); 10.20.0.0/16 is the subnet it means, with the gateway at 10.20.30.1.
      data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
      bondMode: '802.3ad',
    },
    vmVlans: '21-100',
    storage: { portworx: { sanType: 'FC', deviceSizeGiB: 1024, replication: 2, flashArrays: [{ mgmtEndpoint: '172.16.200.50' }] } },
    vmo: { access: 'proxied' },
    templates: { networks: [{ vlan: 30 }], untaggedNetwork: true, goldenImages: true },
    profiles: { layout: 'both', variables: false },
    maas: {
      // RA MAAS settings: "DNS: metal.[company DNS zone]", a subzone delegated to MAAS.
      domain: 'metal.example.com',
      // Sample: the MAAS cloud account Palette registered with the private cloud gateway.
      cloudAccount: 'maas-pcg',
      // MAAS's built-in zone; a site spread over racks or rooms names one zone per rack or room.
      availabilityZones: ['default'],
      // The RA's resource pools (control-plane, worker-pool) and machine sizes are the defaults.
    },
  });
}
