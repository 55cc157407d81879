import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { tryVlans } from '../../common/vlan-list';
import { VmoSiteModel } from '../site-model';
import { taggedNetworks } from './vm-networks';

/**
 * VLAN-008: the end-user access (data) VLAN is not shared with VMs. Seed 002 "Network
 * configuration": "It is recommended to use a dedicated VLAN for end user access of
 * Kubernetes services, which is not shared with VLANs used by VMs. While it is possible to
 * share the same VLAN for VMs and Kubernetes, special considerations must be taken into
 * account if this VLAN also has the default gateway."
 */
export const VLAN_008: Rule<VmoSiteModel> = {
  id: 'VLAN-008',
  level: FindingLevel.WARNING,
  description: 'the end-user access (data) VLAN is not shared with VM VLANs',
  source: 'seed 002 (RA rev 1.7), "Network configuration"',
  check(site) {
    const out: RuleViolation[] = [];
    const data = site.network.data;
    const gw = data.gateway ? ` (it carries the default gateway ${data.gateway})` : '';
    const keep = 'or suppress VLAN-008 with a reason if VMs must share it';
    if (tryVlans(site.vmo?.vmVlans)?.has(data.vlan)) {
      out.push({
        location: 'vmVlans',
        message:
          `vmVlans '${site.vmo?.vmVlans}' includes the data VLAN ${data.vlan}, which MetalLB and the nodes use${gw}: ` +
          `the RA recommends a dedicated end-user access VLAN; remove ${data.vlan} from vmVlans, ${keep}`,
      });
    }
    for (const net of taggedNetworks(site).filter((n) => n.vlan === data.vlan)) {
      out.push({
        location: net.setting,
        message: `VM network '${net.name}' (NAD) puts VMs on the data VLAN ${data.vlan}${gw}: the RA recommends a dedicated end-user access VLAN; use another VLAN, ${keep}`,
      });
    }
    return out;
  },
};
