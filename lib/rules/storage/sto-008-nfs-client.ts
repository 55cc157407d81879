import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { LayerRole } from '../../palette/layer-role';
import { VmoSiteModel } from '../site-model';
import { storageClasses } from './storage-classes';
import { vmStateClaim } from './vm-state-claim';
import { volumeClaims } from './volume-claims';

/** The package that gives Ubuntu nodes the NFS client. */
const NFS_CLIENT = 'nfs-common';

/**
 * STO-008: RWX over NFS (Portworx sharedv4 Filesystem, Longhorn RWX Filesystem, NFS classes)
 * mounts an NFS share on the node running the VM, so every node needs the NFS client, which
 * the OS layer installs (seed 001 Ubuntu layer nfs.conf; RA defects B3). The VMs' TPM state on
 * an NFS-backed class counts too.
 */
export const STO_008: Rule<VmoSiteModel> = {
  id: 'STO-008',
  level: FindingLevel.WARNING,
  description: 'RWX over NFS (Portworx sharedv4 filesystem, Longhorn RWX filesystem) needs the NFS client on every node, installed by the OS layer',
  source: 'field report of RA deploys; seed 001 (RA rev 1.2), Ubuntu layer /etc/nfs.conf',
  check(site) {
    const out: RuleViolation[] = [];
    const classes = storageClasses(site);
    const users: string[] = [];
    for (const c of volumeClaims(site)) {
      const className = c.className ?? site.storage?.vmStorageClass ?? '';
      if (c.volumeMode === 'Filesystem' && (c.accessModes ?? []).includes('ReadWriteMany') && classes.get(className)?.nfsFilesystem) {
        users.push(`${c.what} (RWX Filesystem on ${className})`);
      }
    }
    // KubeVirt claims persistent TPM/EFI state in Filesystem mode, RWX where the class's
    // StorageProfile says so (vmStateClaim): on an NFS-backed class that mounts NFS.
    const state = vmStateClaim(site);
    if (state?.accessMode === 'ReadWriteMany' && classes.get(state.className)?.nfsFilesystem) {
      users.push(`the VMs' persistent TPM state (vmStateStorageClass ${state.className}, RWX Filesystem)`);
    }
    const unique = [...new Set(users)];
    const os = site.rendered.layerWith(LayerRole.OS);
    if (!unique.length || !os || site.os?.packages.includes(NFS_CLIENT)) return out;
    out.push({
      location: site.rendered.locate(os),
      message: `${unique.join(', ')} mount${unique.length === 1 ? 's' : ''} NFS shares, but the OS layer does not install ${NFS_CLIENT}: add it to the OS layer's packages`,
    });
    return out;
  },
};
