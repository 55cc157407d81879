import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { layerLocation, safeProfiles } from '../profile-scan';
import { VmoSiteModel } from '../site-model';
import { rwxBlockProblem, storageClasses } from './storage-classes';
import { volumeClaims } from './volume-claims';

/**
 * STO-008: RWX over NFS (Portworx sharedv4 Filesystem, Longhorn, NFS classes) mounts an NFS
 * share on the node running the VM, so every node needs the NFS client; the OS layer
 * installs it (seed 001 Ubuntu layer nfs.conf; field report of RA deploys).
 */
export const STO_008: Rule<VmoSiteModel> = {
  id: 'STO-008',
  level: FindingLevel.WARNING,
  description: 'RWX over NFS (Portworx sharedv4 filesystem, Longhorn) needs the NFS client on every node, installed by the OS layer',
  source: 'field report of RA deploys; seed 001 (RA rev 1.2), Ubuntu layer /etc/nfs.conf',
  check({ plan, profiles }) {
    const out: RuleViolation[] = [];
    const rendered = safeProfiles(profiles);
    const classes = storageClasses(plan, rendered);
    const nfsUsers: string[] = [];
    if (plan.storage.volumeMode === 'Filesystem') nfsUsers.push(`the VM storage class ${plan.storage.storageClassName} (RWX Filesystem)`);
    for (const c of volumeClaims(rendered)) {
      const className = c.className ?? plan.storage.storageClassName;
      if (c.volumeMode === 'Filesystem' && (c.accessModes ?? []).includes('ReadWriteMany') && rwxBlockProblem(className, classes.get(className), plan.storage.portworxVersion)) {
        nfsUsers.push(`${c.what} (RWX Filesystem on ${className})`);
      }
    }
    if (!nfsUsers.length) return out;
    const unique = [...new Set(nfsUsers)];
    const users = unique.join(', ');
    if (plan.storage.nfsClient !== true) {
      out.push({ location: 'storage.nfsClient', message: `${users} mount${unique.length === 1 ? 's' : ''} NFS shares but the OS layer does not install the NFS client: enable it (nfs-common)` });
    }
    for (const profile of rendered) {
      for (const pack of profile.spec.template.packs.filter((p) => p.layer === 'os' && !(p.values ?? '').includes('nfs-common'))) {
        out.push({ location: layerLocation(profile, pack), message: `${users} ${unique.length === 1 ? 'needs' : 'need'} the NFS client, but the OS layer does not install nfs-common: add it to the OS layer's packages` });
      }
    }
    return out;
  },
};
