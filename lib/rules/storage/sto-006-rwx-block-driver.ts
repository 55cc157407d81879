import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { storageClasses } from './storage-classes';
import { volumeClaims } from './volume-claims';

/**
 * STO-006: RWX with `volumeMode: Block` only on classes whose driver serves RWX Block, as CDI's
 * capability table says (storage-backends.md §2.1): Portworx 3.3+ (seed 002 RWX table), Longhorn
 * with `migratable: "true"`, Ceph RBD and LINSTOR do; Longhorn classes without it (share-manager
 * NFS), NFS-backed classes, CephFS, and Portworx classes whose `sharedv4_mount_options` hold
 * `vers=3.0,nolock` (or `backend: pure_fa_file`) serve RWX as Filesystem only, so their RWX
 * Block volumes never attach (RA defects B1).
 */
export const STO_006: Rule<VmoSiteModel> = {
  id: 'STO-006',
  level: FindingLevel.ERROR,
  description:
    'RWX + volumeMode Block only on classes whose driver serves RWX Block per CDI (Portworx 3.3+, Longhorn migratable: "true", Ceph RBD; not NFS-backed, CephFS, Portworx sharedv4_mount_options vers=3.0,nolock or non-migratable Longhorn classes)',
  source: 'CDI pkg/storagecapabilities (storage-backends.md §2.1); seed 002 (RA rev 1.7), "Enabling Live Migration" RWX table; RA defects B1',
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
