import { VlanSet } from '../../common/vlan-set';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { bridgeHasAddress, vlansOn } from '../../model/host-network';
import { tryVlans } from '../../common/vlan-list';
import { VmoSiteModel } from '../site-model';

const isVlanId = (n: number) => Number.isInteger(n) && n >= 1 && n <= 4094;

/**
 * VLAN-004: when br0 has an IP address or VLAN subinterfaces, `allowVlansOnSelf` is on and
 * `allowedVlansOnSelf` holds VLAN 1 (if br0 has an address), br0's VLANs and the VM VLANs.
 * Seed 002 VMO layer: "Enable this option when the br0 interface on the host has an IP
 * address or has VLAN-subinterfaces defined"; "If the br0 interface has an IP address itself,
 * enable VLAN 1"; the VM VLANs are added "because otherwise the VLAN-aware bridge will refuse
 * to pass the VLANs for VMs when allowVlansOnSelf is enabled".
 */
export const VLAN_004: Rule<VmoSiteModel> = {
  id: 'VLAN-004',
  level: FindingLevel.ERROR,
  description: 'when br0 has an IP address or VLAN subinterfaces, allowVlansOnSelf is true and allowedVlansOnSelf holds the VM VLANs, the br0 VLANs and VLAN 1 if br0 has an address',
  source: 'seed 002 (RA rev 1.7), VMO layer vlanFiltering; seed 001 VMO layer',
  check(site) {
    const out: RuleViolation[] = [];
    const network = site.network;
    const vmo = site.vmo;
    if (!vmo?.vlanFiltering) return out;
    const hasAddress = bridgeHasAddress(network);
    const brVlans = vlansOn(network, network.vmBridge).filter(isVlanId);
    if (!hasAddress && brVlans.length === 0) return out;
    const vm = tryVlans(vmo.vmVlans);
    if (!vm) return out; // VLAN-001
    const onBridge = [
      ...(hasAddress ? [`an address (${findCidr(site)})`] : []),
      ...(brVlans.length ? [`VLAN subinterfaces ${brVlans.map((v) => `${network.vmBridge}.${v}`).join(', ')}`] : []),
    ].join(' and ');
    const required = VlanSet.of(...(hasAddress ? [1] : []), ...brVlans).union(vm);
    if (vmo.allowVlansOnSelf !== true) {
      out.push({
        location: 'vmo.allowVlansOnSelf',
        message: `allowVlansOnSelf is ${String(vmo.allowVlansOnSelf ?? false)} but ${network.vmBridge} has ${onBridge}: set it to true with allowedVlansOnSelf '${required.toString()}'`,
      });
      return out;
    }
    const allowed = tryVlans(vmo.allowedVlansOnSelf);
    if (!allowed) return out; // VLAN-001
    const missing = required.toArray().filter((v) => !allowed.has(v));
    if (missing.length) {
      const why: string[] = [];
      const listed = new Set<number>();
      if (hasAddress && missing.includes(1)) {
        why.push(`VLAN 1 (${network.vmBridge} has an address)`);
        listed.add(1);
      }
      for (const v of brVlans.filter((b) => missing.includes(b) && !listed.has(b))) {
        why.push(`VLAN ${v} (${network.vmBridge}.${v})`);
        listed.add(v);
      }
      const vmMissing = missing.filter((v) => !listed.has(v));
      if (vmMissing.length) why.push(`the VM VLANs ${VlanSet.of(...vmMissing).toString()}`);
      out.push({
        location: 'vmo.allowedVlansOnSelf',
        message:
          `allowedVlansOnSelf '${vmo.allowedVlansOnSelf}' misses ${why.join(', ')}: the VLAN-aware bridge would drop them; ` +
          `use '${allowed.union(required).toString()}'`,
      });
    }
    return out;
  },
};

function findCidr(site: VmoSiteModel): string {
  return site.network.interfaces.find((i) => i.name === site.network.vmBridge)?.cidr ?? 'unknown';
}
