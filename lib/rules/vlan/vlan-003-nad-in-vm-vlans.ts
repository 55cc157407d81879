import { VlanSet } from '../../common/vlan-set';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { tryVlans } from '../../common/vlan-list';
import { taggedNetworks } from './vm-networks';
import { VmoSiteModel } from '../site-model';

/**
 * VLAN-003: every NAD's VLAN is in the VMO `allowedVlans` (the site's vmVlans); the
 * VLAN-aware br0 drops the other VLANs. Seed 002 VMO layer: "The env.allowedVlans parameter
 * ... defaults to "21-100" to allow VMs to be placed on those VLANs".
 */
export const VLAN_003: Rule<VmoSiteModel> = {
  id: 'VLAN-003',
  level: FindingLevel.ERROR,
  description: "every NAD's VLAN is inside the VMO allowedVlans (vmVlans)",
  source: 'seed 002 (RA rev 1.7), VMO layer vlanFiltering',
  check(site) {
    const out: RuleViolation[] = [];
    const vm = tryVlans(site.vmo?.vmVlans);
    if (!vm) return out; // VLAN-001, or no VLAN filtering
    for (const net of taggedNetworks(site)) {
      if (typeof net.vlan !== 'number' || !Number.isInteger(net.vlan) || net.vlan < 1 || net.vlan > 4094 || vm.has(net.vlan)) continue;
      out.push({
        location: net.setting,
        message:
          `VM network '${net.name}' (NAD) uses VLAN ${net.vlan}, which is not in vmVlans '${site.vmo?.vmVlans}': the VLAN-aware bridge drops it; ` +
          `add it to vmVlans (e.g. '${vm.union(VlanSet.of(net.vlan)).toString()}') or use a VLAN inside the range`,
      });
    }
    return out;
  },
};
