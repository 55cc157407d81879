import { cdiCapabilities } from '../../packs/cdi-capabilities';
import { StorageClassFacts } from '../../packs/facts';
import { storageClassReading } from '../../packs/kubevirt-storage-class';
import { VmoSiteModel } from '../site-model';

/** A storage class the site writes, with what decides how it serves RWX. */
export interface StorageClassInfo extends StorageClassFacts {
  /** Why the class cannot serve RWX Block, or undefined when it can (or when nothing is known). */
  readonly rwxBlockProblem?: string;
  /** Whether RWX Filesystem volumes of the class are NFS mounts. */
  readonly nfsFilesystem: boolean;
}

/**
 * Why a class of a driver the CSI layer does not describe cannot serve RWX Block: CDI's
 * capability table where it lists the driver (storage-backends.md §2.1: a Longhorn class serves
 * RWX Block only with `migratable: "true"`, one with `nfsOptions` RWX Filesystem only), else
 * any NFS-backed class serves RWX Filesystem only.
 */
function genericRwxBlockProblem(sc: StorageClassFacts): string | undefined {
  const cdi = cdiCapabilities(sc.provisioner, sc.parameters);
  if (cdi) return cdi.noRwxBlock;
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
    const read = storageClassReading(deployed);
    if (!read) continue;
    const { name, provisioner, parameters } = read;
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
