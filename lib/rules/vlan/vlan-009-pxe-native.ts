import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * VLAN-009: PXE on a tagged VLAN works but is fragile. Seed 002: "PXE booting on a tagged
 * VLAN is difficult to accomplish in practice though, we recommend using a native (untagged)
 * VLAN for PXE"; or set the switchport's native VLAN to the PXE VLAN.
 */
export const VLAN_009: Rule<VmoSiteModel> = {
  id: 'VLAN-009',
  level: FindingLevel.INFO,
  description: 'PXE on a tagged VLAN is possible but fragile; prefer native (untagged)',
  source: 'seed 002 (RA rev 1.7), "Network configuration"; seed 000 "PXE Considerations"',
  check(site) {
    const pxe = site.network.pxe;
    if (pxe.vlan === 0) return [];
    return [
      {
        location: 'network.pxe.vlan',
        message:
          `PXE runs on tagged VLAN ${pxe.vlan} (${pxe.interface}): booting needs UEFI PXE with a VLAN id and is fragile; ` +
          `prefer vlan 0 (native), or make ${pxe.vlan} the native VLAN of the switchports`,
      },
    ];
  },
};
