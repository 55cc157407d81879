/**
 * The VMO reference architecture rev 1.7 as written: four NICs in two bonds, 3 control-plane
 * and 5 worker nodes, the 64-node CIDR plan, Portworx on a Pure FlashArray over Fibre
 * Channel with 1 TiB per worker, and the rev 1.7 cluster profile variables (seed 002:65,
 * "Implement cluster profile variables"): pod and service CIDR read-only (002:896-897), max
 * storage nodes (002:955), MetalLB addresses and interfaces (002:1007-1008), the VM VLANs,
 * allow-VLANs-on-self and the VLANs on br0 (002:1064-1072), each defaulting to this site's
 * value. Writes the Full profile and the RA's split profiles, and the MAAS cluster of the split
 * profiles in deploy/ (Terraform JSON and the Palette API payload). apps/ra-reference-baked.ts
 * is the same site with the values written into the profiles instead.
 */
import { PaletteApp, VmoSite, VmoSiteProps } from '../lib';

/** The RA's site; the baked variant reuses it. */
export const RA_REFERENCE_SITE: VmoSiteProps = {
  name: 'ra-reference',
  // The RA's recommended worker, "Intel/AMD x64 CPU with 48+ cores" (002:240), keeps its reserved "cores 0–7" (002:873).
  nodes: { controlPlane: 3, workers: 5, workerCpus: 48 },
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
  profiles: { layout: 'both', variables: true },
  maas: {
    // RA MAAS settings: "DNS: metal.[company DNS zone]", a subzone delegated to MAAS.
    domain: 'metal.example.com',
    // Sample: the MAAS cloud account Palette registered with the private cloud gateway.
    cloudAccount: 'maas-pcg',
    // MAAS's built-in zone; a site spread over racks or rooms names one zone per rack or room.
    availabilityZones: ['default'],
    // The RA's resource pools (control-plane, worker-pool) and machine sizes are the defaults.
  },
};

export default function raReference(app: PaletteApp): void {
  new VmoSite(app, 'ra-reference', RA_REFERENCE_SITE);
}
