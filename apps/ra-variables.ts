/**
 * The RA rev 1.7 profile variables: pod and service CIDR (read-only), Portworx max storage
 * nodes, MetalLB addresses and interfaces, the VM VLANs, allow-VLANs-on-self and the VLANs
 * on br0. The site's values are the variables' defaults; the profiles stay generic.
 */
import { PaletteApp, VmoSite } from '../lib';

export default function raVariables(app: PaletteApp): void {
  new VmoSite(app, 'ra-variables', {
    // A profile name+version has one content in Palette: this site's baked values get their own names.
    profileNamePrefix: 'VMO-RA-Variables',
    nodes: { controlPlane: 3, workers: 5 },
    network: {
      layout: 'four-nic',
      mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
      data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
    },
    vmVlans: '21-100',
    profiles: { layout: 'split', variables: true },
  });
}
