import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { volumeClaims } from './volume-claims';

const RWX = 'ReadWriteMany';

/**
 * STO-005: live migration needs RWX volumes, so the VM storage class is used RWX and the CDI
 * StorageProfile for it claims RWX first (CDI takes the first claim property set). Seed 002
 * "Enabling Live Migration": "Live Migration of a VM is only possible with RWX volumes".
 */
export const STO_005: Rule<VmoSiteModel> = {
  id: 'STO-005',
  level: FindingLevel.ERROR,
  description: 'live migration needs RWX: the VM storage class and the CDI StorageProfile claim ReadWriteMany',
  source: 'seed 002 (RA rev 1.7), "Enabling Live Migration"; seed 000 "Storage Requirements"',
  check(site) {
    const out: RuleViolation[] = [];
    const vmClass = site.storage?.vmStorageClass;
    const claims = volumeClaims(site).filter((c) => c.kind === 'StorageProfile');
    for (const c of claims.filter((x) => x.form === 'claimPropertySets[0]' && !(x.accessModes ?? []).includes(RWX))) {
      out.push({
        location: c.location,
        message: `${c.what} claims ${(c.accessModes ?? []).join(', ') || 'no access mode'} first: live migration needs ${RWX}; list ${RWX} in the first claimPropertySet`,
      });
    }
    if (vmClass && claims.length && !claims.some((c) => c.className === vmClass)) {
      const names = [...new Set(claims.map((c) => c.className))].join(', ');
      out.push({
        location: claims[0].location,
        message: `no CDI StorageProfile is named after the VM storage class ${vmClass} (found: ${names}): name the StorageProfile ${vmClass} so CDI claims RWX on it`,
      });
    }
    return out;
  },
};
