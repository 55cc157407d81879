import { StorageFacts } from '../../packs/facts';

/** A storage setting a rule reports at. */
export type StorageSetting = 'replicas' | 'version' | 'storageNodes';

/** The site settings of each backend the site description offers, by the product its CSI layer reports. */
const SETTINGS: Readonly<Record<string, Readonly<Record<StorageSetting, string>>>> = {
  Portworx: { replicas: 'storage.portworx.replication', version: 'storage.portworx.version', storageNodes: 'storage.portworx.maxStorageNodes' },
  Longhorn: { replicas: 'storage.longhorn.replicas', version: 'storage.longhorn.version', storageNodes: 'nodes.workers' },
  'Rook-Ceph': { replicas: 'storage.rookCeph.replicas', version: 'storage.rookCeph.version', storageNodes: 'nodes.workers' },
};

/**
 * The site setting that feeds a storage fact, for findings: `storage.longhorn.replicas`. A CSI
 * layer a program brings (no site setting of its own) is reported at `storage`.
 */
export function storageSetting(storage: StorageFacts, setting: StorageSetting): string {
  return SETTINGS[storage.product]?.[setting] ?? 'storage';
}
