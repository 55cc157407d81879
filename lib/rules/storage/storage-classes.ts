import { StorageClassFacts } from '../../packs/facts';
import { valueAt } from '../../palette/rendered';
import { VmoSiteModel } from '../site-model';

/** A storage class the site writes, with what decides how it serves RWX. */
export interface StorageClassInfo extends StorageClassFacts {
  /** Why the class cannot serve RWX Block, or undefined when it can (or when nothing is known). */
  readonly rwxBlockProblem?: string;
  /** Whether RWX Filesystem volumes of the class are NFS mounts. */
  readonly nfsFilesystem: boolean;
}

/**
 * Why a class of a driver the CSI layer does not describe cannot serve RWX Block, from CDI's
 * capability table (storage-backends.md §2.1): NFS-backed classes serve RWX Filesystem only;
 * Longhorn serves RWX Block only with `migratable: "true"` (its live-migration mode).
 */
function genericRwxBlockProblem(sc: StorageClassFacts): string | undefined {
  if (/longhorn/i.test(sc.provisioner)) {
    return sc.parameters.migratable === 'true' ? undefined : 'a Longhorn class without migratable: "true" serves RWX volumes as an NFS share, in Filesystem mode only';
  }
  if (/nfs/i.test(sc.provisioner)) return 'an NFS-backed class serves RWX volumes in Filesystem mode only';
  return undefined;
}

/** Every storage class the site writes: the CSI layer's (judged by its driver), then StorageClass objects of any layer. */
export function storageClasses(site: VmoSiteModel): Map<string, StorageClassInfo> {
  const classes = new Map<string, StorageClassInfo>();
  const storage = site.storage;
  for (const sc of storage?.storageClasses ?? []) {
    classes.set(sc.name, { ...sc, rwxBlockProblem: storage?.rwxBlockProblem(sc), nfsFilesystem: storage?.needsNfsClient(sc, 'Filesystem') ?? false });
  }
  for (const { deployed } of site.objects) {
    if (deployed.kind !== 'StorageClass') continue;
    const name = valueAt(deployed, 'metadata', 'name');
    if (typeof name !== 'string') continue;
    const provisioner = String(valueAt(deployed, 'provisioner') ?? '');
    const params = valueAt(deployed, 'parameters');
    const parameters: Record<string, string> = {};
    if (params && typeof params === 'object') for (const [k, v] of Object.entries(params)) parameters[k] = String(v);
    const sc: StorageClassFacts = { name, provisioner, parameters };
    const own = storage && provisioner === storage.provisioner;
    classes.set(name, {
      ...sc,
      rwxBlockProblem: own ? storage.rwxBlockProblem(sc) : genericRwxBlockProblem(sc),
      nfsFilesystem: own ? storage.needsNfsClient(sc, 'Filesystem') : /nfs|longhorn/i.test(provisioner),
    });
  }
  return classes;
}
