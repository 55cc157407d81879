import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { BOND_MODE_NUMBERS, bridgeUplink, findInterface } from '../../model/host-network';
import { VmoSiteModel } from '../site-model';

/** Seed 002: "can only support the following bonding modes: Mode 1: active-backup, Mode 2: balance-xor, Mode 4: 802.3ad". */
const BRIDGE_SAFE_MODES = [1, 2, 4];

/**
 * VLAN-005: the bond under the VM bridge uses mode 1, 2 or 4. Seed 002: "The other modes
 * (0, 3, 5 and 6) are not supported for VLAN bridging due to broadcast storms, MAC address
 * rewrites or poor TCP stream performance."
 */
export const VLAN_005: Rule<VmoSiteModel> = {
  id: 'VLAN-005',
  level: FindingLevel.ERROR,
  description: 'bonds under a VM bridge use mode 1 (active-backup), 2 (balance-xor) or 4 (802.3ad) only',
  source: 'seed 000 "Bonding Configuration"; seed 002 (RA rev 1.7), "Network configuration"',
  check(site) {
    const out: RuleViolation[] = [];
    const uplink = bridgeUplink(site.network);
    const bond = uplink ? findInterface(site.network, uplink) : undefined;
    if (!bond || bond.kind !== 'bond') return out;
    const mode = bond.bondMode ?? '';
    const number = Object.prototype.hasOwnProperty.call(BOND_MODE_NUMBERS, mode) ? BOND_MODE_NUMBERS[mode] : undefined;
    if (number === undefined || !BRIDGE_SAFE_MODES.includes(number)) {
      out.push({
        location: 'network.bondMode',
        message:
          `bond ${bond.name} under ${site.network.vmBridge} uses mode '${mode}'${number === undefined ? '' : ` (${number})`}: ` +
          `VLAN bridging supports only active-backup (1), balance-xor (2) or 802.3ad (4); use 802.3ad (the RA's recommendation)`,
      });
    }
    return out;
  },
};
