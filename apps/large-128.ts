/**
 * RA "Solution Sizing" for 128 nodes: pod CIDR 100.64.0.0/17 and service CIDR
 * 100.64.128.0/17, with 120 workers on the four-NIC layout.
 */
import { PaletteApp, VmoSite } from '../lib';

export default function large128(app: PaletteApp): void {
  new VmoSite(app, 'large-128', {
    // A profile name+version has one content in Palette: this site's baked values get their own names.
    profileNamePrefix: 'VMO-Large128',
    // Sized for the RA's recommended worker, "48+ cores" (seed 002:240), which keeps the reserved cores 0-7 (002:873).
    nodes: { controlPlane: 5, workers: 120, workerCpus: 48 },
    kubernetes: { podCidr: '100.64.0.0/17', serviceCidr: '100.64.128.0/17' },
    network: {
      layout: 'four-nic',
      mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
      data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
    },
    vmVlans: '21-100',
    storage: { portworx: { preferRemoteNodeOnly: true } },
    profiles: { layout: 'split' },
    suppressions: [
      {
        ruleId: 'NET-008',
        reason: 'the RA sizing chapter gives 100.64.128.0/17 for 128 nodes; this cluster will not grow beyond 128 nodes',
      },
    ],
  });
}
