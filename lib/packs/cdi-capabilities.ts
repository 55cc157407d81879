/*
 * CDI's capability table for the CSI drivers a VMO site may use: which access and volume modes
 * CDI gives a DataVolume that leaves them open, and the clone strategy CDI advises. The keys,
 * modes and their order are those of kubevirt/containerized-data-importer
 * pkg/storagecapabilities/storagecapabilities.go (storage-backends.md §2.1), limited to the
 * drivers of the field guide (Portworx, Longhorn, Rook-Ceph, Piraeus) and plain NFS. A
 * StorageProfile that follows this table claims what CDI would pick by itself, so the
 * profile and CDI never disagree.
 */

export type CdiAccessMode = 'ReadWriteMany' | 'ReadWriteOnce' | 'ReadOnlyMany';
export type CdiVolumeMode = 'Block' | 'Filesystem';
export type CdiCloneStrategyName = 'csi-clone' | 'snapshot' | 'copy';

/** One capability: a StorageProfile claim property set. */
export interface CdiCapability {
  readonly accessModes: readonly CdiAccessMode[];
  readonly volumeMode: CdiVolumeMode;
}

/** What CDI knows about one storage class. */
export interface CdiClassCapabilities {
  /** CDI's provisioner key, e.g. `driver.longhorn.io/migratable`. */
  readonly key: string;
  /** The capabilities in CDI's order (RWX first where the class serves RWX). */
  readonly capabilities: readonly CdiCapability[];
  /** CDI's advised clone strategy (`CloneStrategyByProvisionerKey`); undefined when CDI advises none. */
  readonly cloneStrategy?: CdiCloneStrategyName;
  /** Why the class serves no RWX Block, in operator words; undefined when it does. */
  readonly noRwxBlock?: string;
}

const cap = (access: CdiAccessMode, volumeMode: CdiVolumeMode): CdiCapability => ({ accessModes: [access], volumeMode });
const RWX_BLOCK = cap('ReadWriteMany', 'Block');
const RWX_FILE = cap('ReadWriteMany', 'Filesystem');
const RWO_BLOCK = cap('ReadWriteOnce', 'Block');
const RWO_FILE = cap('ReadWriteOnce', 'Filesystem');
const ROX_BLOCK = cap('ReadOnlyMany', 'Block');
const ROX_FILE = cap('ReadOnlyMany', 'Filesystem');

const LONGHORN_NOT_MIGRATABLE = 'a Longhorn class without migratable: "true" serves RWX volumes as an NFS share, in Filesystem mode only';
const NFS_ONLY = 'an NFS-backed class serves RWX volumes in Filesystem mode only';

/** `createRbdCapabilities()`. */
const RBD: Omit<CdiClassCapabilities, 'key'> = { capabilities: [RWX_BLOCK, RWO_BLOCK, RWO_FILE], cloneStrategy: 'csi-clone' };
/** CephFS: RWX Filesystem (CDI v1.63 adds RWO File; the RWX set comes first either way). */
const CEPHFS: Omit<CdiClassCapabilities, 'key'> = {
  capabilities: [RWX_FILE],
  cloneStrategy: 'csi-clone',
  noRwxBlock: 'a CephFS class serves RWX volumes in Filesystem mode only',
};

/** The table, by CDI key. */
const BY_KEY: Readonly<Record<string, Omit<CdiClassCapabilities, 'key'>>> = {
  'pxd.portworx.com': { capabilities: [RWX_BLOCK, RWX_FILE, RWO_BLOCK, RWO_FILE], cloneStrategy: 'csi-clone' },
  'pxd.portworx.com/nfs': { capabilities: [RWX_FILE, RWO_FILE], cloneStrategy: 'csi-clone', noRwxBlock: 'a Portworx class with sharedv4_mount_options vers=3.0,nolock serves RWX volumes over NFS, in Filesystem mode only' },
  'pxd.portworx.com/pure_block': { capabilities: [RWX_BLOCK, RWO_BLOCK, RWO_FILE] },
  'pxd.portworx.com/pure_fa_file': { capabilities: [RWX_FILE, RWO_FILE], noRwxBlock: 'a Portworx pure_fa_file class serves RWX volumes in Filesystem mode only' },
  'driver.longhorn.io': { capabilities: [RWO_BLOCK], noRwxBlock: LONGHORN_NOT_MIGRATABLE },
  'driver.longhorn.io/migratable': { capabilities: [RWX_BLOCK, RWO_BLOCK] },
  'driver.longhorn.io/nfs': { capabilities: [RWX_FILE, RWO_FILE], noRwxBlock: 'a Longhorn class with nfsOptions serves RWX volumes as an NFS share, in Filesystem mode only' },
  'driver.longhorn.io/fs': { capabilities: [RWO_FILE], noRwxBlock: LONGHORN_NOT_MIGRATABLE },
  'rbd.csi.ceph.com': RBD,
  'rook-ceph.rbd.csi.ceph.com': RBD,
  'openshift-storage.rbd.csi.ceph.com': RBD,
  'cephfs.csi.ceph.com': CEPHFS,
  'openshift-storage.cephfs.csi.ceph.com': CEPHFS,
  // Added in CDI v1.63.0; an older CDI (older VMO packs) knows nothing of Rook's CephFS driver.
  'rook-ceph.cephfs.csi.ceph.com': CEPHFS,
  'linstor.csi.linbit.com': { capabilities: [RWX_BLOCK, RWO_BLOCK, RWO_FILE, ROX_BLOCK, ROX_FILE] },
  'nfs.csi.k8s.io': { capabilities: [RWX_FILE], noRwxBlock: NFS_ONLY },
  'k8s-sigs.io/nfs-subdir-external-provisioner': { capabilities: [RWX_FILE], noRwxBlock: NFS_ONLY },
};

/** CDI's key for a class: some drivers key on class parameters (`storageClassToProvisionerKeyMapper`). */
export function cdiProvisionerKey(provisioner: string, parameters: Readonly<Record<string, string>>): string {
  if (provisioner === 'driver.longhorn.io') {
    // CDI checks migratable first, then nfsOptions, then fsType.
    if (parameters.migratable === 'true') return 'driver.longhorn.io/migratable';
    if ((parameters.nfsOptions ?? '') !== '') return 'driver.longhorn.io/nfs';
    if ((parameters.fsType ?? '') !== '') return 'driver.longhorn.io/fs';
    return provisioner;
  }
  if (provisioner === 'pxd.portworx.com') {
    if (parameters.backend === 'pure_block') return 'pxd.portworx.com/pure_block';
    if (parameters.backend === 'pure_fa_file') return 'pxd.portworx.com/pure_fa_file';
    if (parameters.backend !== undefined) return provisioner;
    const options = (parameters.sharedv4_mount_options ?? '').split(',');
    return options.includes('vers=3.0') && options.includes('nolock') ? 'pxd.portworx.com/nfs' : provisioner;
  }
  return provisioner;
}

/** What CDI's table says about a class, or undefined for a driver it does not list. */
export function cdiCapabilities(provisioner: string, parameters: Readonly<Record<string, string>> = {}): CdiClassCapabilities | undefined {
  const key = cdiProvisionerKey(provisioner, parameters);
  const entry = BY_KEY[key];
  return entry ? { key, ...entry } : undefined;
}

/** The StorageProfile claim property sets CDI would use for the class: its capabilities, RWX first. */
export function cdiClaimPropertySets(capabilities: CdiClassCapabilities): readonly CdiCapability[] {
  const rwx = capabilities.capabilities.filter((c) => c.accessModes.includes('ReadWriteMany'));
  return [...rwx, ...capabilities.capabilities.filter((c) => !rwx.includes(c))];
}
