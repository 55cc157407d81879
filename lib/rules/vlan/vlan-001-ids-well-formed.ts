import { vlanListProblem } from '../../common/vlan-list';
import { MAX_VLAN_ID, MIN_VLAN_ID } from '../../common/vlan-set';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { taggedNetworks } from './vm-networks';

const isVlanId = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= MIN_VLAN_ID && n <= MAX_VLAN_ID;


/**
 * VLAN-001: VLAN ids are whole numbers 1..4094 (0 only for a native PXE network), VLAN
 * lists are well-formed (`"21-100"`, `"1,10,20,21-100"`), and networks that share a bond
 * use different VLANs.
 */
export const VLAN_001: Rule<VmoSiteModel> = {
  id: 'VLAN-001',
  level: FindingLevel.ERROR,
  // A site that breaks it cannot work (malformed or contradictory input): no suppression lets it through.
  suppressible: false,
  description: 'VLAN ids are integers 1..4094; VLAN lists are well-formed ("21-100", "1,10,20,21-100"); networks on one bond use distinct VLANs',
  source: 'rules-catalog.md (IEEE 802.1Q id range; VMO vlanFiltering list syntax, seed 001 VMO layer)',
  check(site) {
    const out: RuleViolation[] = [];
    const n = site.network;
    const ra: Record<string, number> = { mgmt: 10, data: 20 };
    for (const role of ['mgmt', 'data'] as const) {
      if (!isVlanId(n[role].vlan)) {
        out.push({
          location: `network.${role}.vlan`,
          message: `${role} VLAN '${n[role].vlan}' is not a VLAN id: the ${role} network is a tagged subinterface, so use a whole number from ${MIN_VLAN_ID} to ${MAX_VLAN_ID} (the RA uses ${ra[role]})`,
        });
      }
    }
    if (n.pxe.vlan !== 0 && !isVlanId(n.pxe.vlan)) {
      out.push({
        location: 'network.pxe.vlan',
        message: `PXE VLAN '${n.pxe.vlan}' is not a VLAN id: use 0 for native (untagged, the RA's choice) or a whole number from ${MIN_VLAN_ID} to ${MAX_VLAN_ID}`,
      });
    }
    for (const [location, text] of [['vmVlans', site.vmo?.vmVlans], ['vmo.allowedVlansOnSelf', site.vmo?.allowedVlansOnSelf]] as const) {
      const problem = text === undefined ? undefined : vlanListProblem(text);
      if (problem) out.push({ location, message: `${location}: ${problem}` });
    }
    for (const net of taggedNetworks(site)) {
      if (!isVlanId(net.vlan)) {
        out.push({
          location: net.setting,
          message: `VM network '${net.name}' uses VLAN '${net.vlan}', which is not a VLAN id: use a whole number from ${MIN_VLAN_ID} to ${MAX_VLAN_ID} inside vmVlans '${site.vmo?.vmVlans ?? ''}'`,
        });
      }
    }
    // Networks on one bond need distinct VLANs, or two subinterfaces claim the same traffic.
    const sharing: [string, number][] = [];
    if (n.pxe.vlan !== 0) sharing.push(['PXE', n.pxe.vlan]);
    sharing.push(['mgmt', n.mgmt.vlan]);
    if (n.layout !== 'four-nic') sharing.push(['data', n.data.vlan]);
    for (let i = 0; i < sharing.length; i++) {
      for (let j = i + 1; j < sharing.length; j++) {
        if (sharing[i][1] === sharing[j][1]) {
          out.push({
            location: `network.${sharing[j][0].toLowerCase()}.vlan`,
            message:
              `the ${sharing[i][0]} and ${sharing[j][0]} networks both use VLAN ${sharing[j][1]} on the same bond (${n.layout} layout): ` +
              `give each network its own VLAN (the RA uses 0 native for PXE, 10 for mgmt, 20 for data)`,
          });
        }
      }
    }
    return out;
  },
};
