import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { safeProfiles } from '../profile-scan';
import { VmoSiteModel } from '../site-model';
import { rwxBlockProblem, storageClasses } from './storage-classes';
import { volumeClaims } from './volume-claims';

/**
 * STO-006: RWX with `volumeMode: Block` only on drivers that serve RWX Block. Seed 002 RWX
 * table: Portworx Enterprise 3.3.1 serves RWX Block; field reports of Longhorn RA deploys:
 * Longhorn and NFS-backed classes serve RWX as Filesystem only, so their volumes never bind.
 */
export const STO_006: Rule<VmoSiteModel> = {
  id: 'STO-006',
  level: FindingLevel.ERROR,
  description: 'RWX + volumeMode Block only on drivers that serve RWX Block (Portworx 3.3+ yes; Longhorn, NFS-backed and sharedv4 classes no)',
  source: 'seed 002 (RA rev 1.7), "Enabling Live Migration" RWX table; field report of Longhorn RA deploys',
  check({ plan, profiles }) {
    const out: RuleViolation[] = [];
    const rendered = safeProfiles(profiles);
    const classes = storageClasses(plan, rendered);
    if (plan.storage.volumeMode === 'Block' && plan.storage.accessMode === 'ReadWriteMany') {
      const problem = rwxBlockProblem(plan.storage.storageClassName, classes.get(plan.storage.storageClassName), plan.storage.portworxVersion);
      if (problem) {
        out.push({ location: 'storage.volumeMode', message: `the VM storage class ${plan.storage.storageClassName} is RWX Block but ${problem}: use volumeMode Filesystem there` });
      }
    }
    for (const c of volumeClaims(rendered)) {
      if (c.volumeMode !== 'Block' || !(c.accessModes ?? []).includes('ReadWriteMany')) continue;
      const className = c.className ?? plan.storage.storageClassName;
      const problem = rwxBlockProblem(className, classes.get(className), plan.storage.portworxVersion);
      if (problem) {
        out.push({ location: c.location, message: `${c.what} asks for RWX Block on storage class ${className}, but ${problem}: use volumeMode Filesystem there` });
      }
    }
    return out;
  },
};
