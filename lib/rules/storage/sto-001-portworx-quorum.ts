import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { isCount } from '../capacity/pod-budget';
import { VmoSiteModel } from '../site-model';
import { keepsQuorum, RECOMMENDED_WORKERS, storageNodeCount, workersForSpareNode } from './storage-nodes';
import { storageSetting } from './storage-settings';

/**
 * STO-001, graded: error below the storage product's minimum (seed 000 storage table: Portworx 3
 * storage nodes for its kvdb, Rook-Ceph 3 for its MONs, Longhorn 1), warning below 4 workers
 * for a product with a quorum (no node may go offline), info below 5 workers (the RA's minimum
 * worker pool).
 */
export const STO_001: Rule<VmoSiteModel> = {
  id: 'STO-001',
  level: FindingLevel.ERROR,
  description:
    'the storage layer has the storage nodes it needs (Portworx 3, Rook-Ceph 3, Longhorn 1); warning below 4 workers where the product keeps a quorum (no node may go offline), info below 5 (RA minimum worker pool)',
  source: 'seed 002 (RA rev 1.7), "Hardware resources"; seed 000 "Worker Nodes" and "Storage Considerations When Removing Nodes"',
  check(site) {
    const storage = site.storage;
    const workers = site.nodes.workers;
    if (!storage || !isCount(workers)) return []; // CAP-002 reports a malformed worker count
    const storageNodes = storageNodeCount(site) ?? workers;
    const out: RuleViolation[] = [];
    const min = storage.minStorageNodes;
    if (storageNodes < min) {
      const limitedBy = storageNodes < workers ? ` (maxStorageNodes ${storage.maxStorageNodes} of ${workers} workers)` : '';
      out.push({
        location: storageNodes < workers ? storageSetting(storage, 'storageNodes') : 'nodes.workers',
        message:
          `${storageNodes} ${storage.product} storage node${storageNodes === 1 ? '' : 's'}${limitedBy}: it needs at least ${min}${keepsQuorum(storage) ? ' for quorum' : ''}; ` +
          `use at least ${workersForSpareNode(storage)} workers (${RECOMMENDED_WORKERS} recommended)${storage.maxStorageNodes !== undefined ? ' with maxStorageNodes equal to the worker count' : ''}`,
      });
    } else if (keepsQuorum(storage) && workers < workersForSpareNode(storage)) {
      out.push({
        level: FindingLevel.WARNING,
        location: 'nodes.workers',
        message:
          `${workers} workers: ${storage.product} needs ${min} storage nodes for its quorum, so a node offline for a repave or maintenance leaves no spare and a second loss breaks quorum; ` +
          `use at least ${workersForSpareNode(storage)} workers (${RECOMMENDED_WORKERS} recommended)`,
      });
    } else if (workers < RECOMMENDED_WORKERS) {
      out.push({
        level: FindingLevel.INFO,
        location: 'nodes.workers',
        message: `${workers} workers: one node may go offline, but the RA recommends a minimum worker pool of ${RECOMMENDED_WORKERS} nodes for resilience during maintenance`,
      });
    }
    return out;
  },
};
