import { SitePlan } from '../../site/site-plan';
import { isCount } from '../capacity/pod-budget';

/**
 * Portworx storage nodes: Portworx runs on workers only (RA preset "Run on worker nodes
 * only") and at most `maxStorageNodes` of them contribute drives. Undefined when a count is
 * malformed.
 */
export function storageNodeCount(plan: SitePlan): number | undefined {
  const { workers } = plan.nodes;
  const max = plan.storage.maxStorageNodes;
  if (!isCount(workers)) return undefined;
  return isCount(max) ? Math.min(workers, max) : workers;
}
