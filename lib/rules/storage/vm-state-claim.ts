import { cdiCapabilities } from '../../packs/cdi-capabilities';
import { VmoSiteModel } from '../site-model';
import { storageClasses } from './storage-classes';
import { volumeClaims } from './volume-claims';

/** The claim KubeVirt makes for a VM's persistent TPM/EFI state. */
export interface VmStateClaim {
  /** VMO's `vmStateStorageClass`. */
  readonly className: string;
  readonly accessMode: 'ReadWriteMany' | 'ReadWriteOnce';
  readonly volumeMode: 'Filesystem';
}

/**
 * How KubeVirt claims the VMs' persistent TPM/EFI state (kubevirt pkg/storage/backend-storage
 * `createPVC` and `getAccessMode`): on `vmStateStorageClass`, in Filesystem mode, ReadWriteMany
 * when the class's StorageProfile lists RWX Filesystem, ReadWriteOnce when it lists RWO
 * Filesystem only, and ReadWriteMany when it lists no Filesystem set (the class is named
 * explicitly). The StorageProfile is the one the site writes for the class, else what CDI's
 * table gives its driver. Undefined when the VMO layer names no state class.
 */
export function vmStateClaim(site: VmoSiteModel): VmStateClaim | undefined {
  const className = site.vmo?.vmStateStorageClass;
  if (className === undefined) return undefined;
  const written = volumeClaims(site).filter((c) => c.kind === 'StorageProfile' && c.className === className);
  const sc = storageClasses(site).get(className);
  const sets = written.length ? written : ((sc && cdiCapabilities(sc.provisioner, sc.parameters)?.capabilities) ?? []);
  const filesystem = sets.filter((s) => s.volumeMode === 'Filesystem').flatMap((s) => s.accessModes ?? []);
  const accessMode = filesystem.includes('ReadWriteMany') || !filesystem.includes('ReadWriteOnce') ? 'ReadWriteMany' : 'ReadWriteOnce';
  return { className, accessMode, volumeMode: 'Filesystem' };
}
