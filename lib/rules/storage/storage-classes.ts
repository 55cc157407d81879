import { ProfileJson } from '../../palette/cluster-profile';
import { SitePlan } from '../../site/site-plan';
import { isMap, manifestObjects, packValues, pathGet } from '../profile-scan';
import { compareVersions, parseVersion } from './versions';

/** What the rules know about a storage class: who provisions it and how it serves RWX. */
export interface StorageClassInfo {
  readonly name: string;
  readonly provisioner: string;
  /** Portworx `sharedv4: "true"`: RWX over an NFS share (Filesystem only). */
  readonly sharedv4: boolean;
}

export const PORTWORX_PROVISIONER = 'pxd.portworx.com';

/** The site's VM class (Portworx) plus every class the profiles define in a Portworx layer or a StorageClass manifest. */
export function storageClasses(plan: SitePlan, profiles: readonly ProfileJson[]): Map<string, StorageClassInfo> {
  const classes = new Map<string, StorageClassInfo>();
  classes.set(plan.storage.storageClassName, { name: plan.storage.storageClassName, provisioner: PORTWORX_PROVISIONER, sharedv4: false });
  for (const profile of profiles) {
    for (const pack of profile.spec.template.packs.filter((p) => p.name.includes('portworx'))) {
      const generic = pathGet(packValues(pack), 'charts', 'portworx-generic');
      const list = pathGet(generic, 'storageClasses');
      const single = pathGet(generic, 'storageClass');
      for (const sc of [...(Array.isArray(list) ? list : []), ...(isMap(single) ? [single] : [])]) {
        const name = pathGet(sc, 'name');
        if (typeof name === 'string') classes.set(name, { name, provisioner: PORTWORX_PROVISIONER, sharedv4: isTrue(pathGet(sc, 'parameters', 'sharedv4')) });
      }
    }
  }
  for (const { object } of manifestObjects(profiles)) {
    if (object.kind !== 'StorageClass') continue;
    const name = pathGet(object, 'metadata', 'name');
    const provisioner = pathGet(object, 'provisioner');
    if (typeof name === 'string') {
      classes.set(name, { name, provisioner: typeof provisioner === 'string' ? provisioner : '', sharedv4: isTrue(pathGet(object, 'parameters', 'sharedv4')) });
    }
  }
  return classes;
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

/**
 * Why a class cannot serve RWX volumes in Block mode, or undefined when it can (or is
 * unknown). Seed 002 RWX table: Portworx Enterprise 3.3.1 serves RWX Block; field reports of
 * Longhorn RA deploys: Longhorn and NFS-backed classes serve RWX as Filesystem only.
 */
export function rwxBlockProblem(name: string, info: StorageClassInfo | undefined, portworxVersion: string): string | undefined {
  const provisioner = info?.provisioner ?? '';
  if (/longhorn/i.test(provisioner) || (!info && /longhorn/i.test(name))) return `Longhorn serves RWX volumes as an NFS share, in Filesystem mode only`;
  if (/nfs/i.test(provisioner) || (!info && /nfs/i.test(name))) return `an NFS-backed class serves RWX volumes in Filesystem mode only`;
  if (provisioner === PORTWORX_PROVISIONER) {
    if (info?.sharedv4) return `a Portworx sharedv4 class serves RWX volumes over NFS, in Filesystem mode only`;
    const v = parseVersion(portworxVersion);
    if (v && compareVersions(v, [3, 3]) < 0) return `Portworx ${portworxVersion} serves RWX volumes in Filesystem mode only (RWX Block needs Portworx 3.3 or later)`;
  }
  return undefined;
}
