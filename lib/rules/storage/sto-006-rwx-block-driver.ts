import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { storageClasses } from './storage-classes';
import { volumeClaims } from './volume-claims';

/**
 * STO-006: RWX with `volumeMode: Block` only on drivers that serve RWX Block. Seed 002 RWX
 * table: Portworx Enterprise 3.3.1 serves RWX Block; field reports of Longhorn RA deploys:
 * Longhorn and NFS-backed classes serve RWX as Filesystem only, so their volumes never bind.
 */
export const STO_006: Rule<VmoSiteModel> = {
  id: 'STO-006',
  level: FindingLevel.ERROR,
  description: 'RWX + volumeMode Block only on classes whose driver serves RWX Block (Portworx 3.3+, Longhorn with migratable: "true"; not NFS-backed or sharedv4 classes)',
  source: 'seed 002 (RA rev 1.7), "Enabling Live Migration" RWX table; field report of Longhorn RA deploys',
  check(site) {
    const out: RuleViolation[] = [];
    const classes = storageClasses(site);
    for (const c of volumeClaims(site)) {
      if (c.volumeMode !== 'Block' || !(c.accessModes ?? []).includes('ReadWriteMany')) continue;
      const className = c.className ?? site.storage?.vmStorageClass ?? '';
      const problem = classes.get(className)?.rwxBlockProblem;
      if (problem) {
        out.push({ location: c.location, message: `${c.what} asks for RWX Block on storage class ${className}, but ${problem}: use volumeMode Filesystem there` });
      }
    }
    return out;
  },
};
