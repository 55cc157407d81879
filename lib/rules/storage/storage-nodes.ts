import { StorageFacts } from '../../packs/facts';
import { isCount } from '../capacity/pod-budget';
import { VmoSiteModel } from '../site-model';

/** Seed 002: "at least 4 worker nodes as Portworx requires a minimum of 3 nodes to build a quorum, and you want 1 node to be able to go offline". */
export const MIN_WORKERS = 4;
/** Seed 002: "We recommend a minimum worker pool of 5 nodes." */
export const RECOMMENDED_WORKERS = 5;

/**
 * The nodes holding storage: storage runs on workers only (RA preset "Run on worker nodes
 * only") and at most `maxStorageNodes` of them contribute drives where the layer limits it.
 * Undefined when a count is malformed.
 */
export function storageNodeCount(site: VmoSiteModel): number | undefined {
  const { workers } = site.nodes;
  const max = site.storage?.maxStorageNodes;
  if (!isCount(workers)) return undefined;
  return isCount(max) ? Math.min(workers, max) : workers;
}

/** The fewest workers that hold the storage product's minimum and let one node go offline (seed 002). */
export function workersForSpareNode(storage: StorageFacts): number {
  return Math.max(MIN_WORKERS, storage.minStorageNodes + 1);
}

/**
 * Whether the storage product runs a quorum on its storage nodes: one it reports (Ceph's MONs),
 * or a minimum of more than one storage node, which it needs for one (seed 000 storage table:
 * Portworx 3 for its kvdb, Rook-Ceph 3; Longhorn's 1 is no quorum, only a place for replicas).
 */
export function keepsQuorum(storage: StorageFacts): boolean {
  return storage.quorum !== undefined || storage.minStorageNodes > 1;
}
