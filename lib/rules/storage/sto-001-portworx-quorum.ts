import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { isCount } from '../capacity/pod-budget';
import { VmoSiteModel } from '../site-model';
import { storageNodeCount } from './storage-nodes';

/** Portworx's internal kvdb needs 3 nodes for quorum (seed 000 "Portworx"; seed 002 hardware). */
export const MIN_STORAGE_NODES = 3;
/** Seed 002: "at least 4 worker nodes as Portworx requires a minimum of 3 nodes to build a quorum, and you want 1 node to be able to go offline". */
export const MIN_WORKERS = 4;
/** Seed 002: "We recommend a minimum worker pool of 5 nodes." */
export const RECOMMENDED_WORKERS = 5;

/**
 * STO-001, graded: error below 3 Portworx storage nodes (no kvdb quorum), warning below 4
 * workers (no node may go offline), info below 5 workers (the RA's minimum worker pool).
 */
export const STO_001: Rule<VmoSiteModel> = {
  id: 'STO-001',
  level: FindingLevel.ERROR,
  description: 'Portworx needs at least 3 storage nodes for kvdb quorum; warning below 4 workers (no node may go offline), info below 5 (RA minimum worker pool)',
  source: 'seed 002 (RA rev 1.7), "Hardware resources"; seed 000 "Worker Nodes" and "Storage Considerations When Removing Nodes"',
  check({ plan }) {
    const workers = plan.nodes.workers;
    if (!isCount(workers)) {
      return [{ location: 'nodes.workers', message: `worker count '${workers}' is not a whole number: use at least ${RECOMMENDED_WORKERS} (RA minimum worker pool)` }];
    }
    const storageNodes = storageNodeCount(plan) ?? workers;
    const out: RuleViolation[] = [];
    if (storageNodes < MIN_STORAGE_NODES) {
      const limitedBy = storageNodes < workers ? ` (maxStorageNodes ${plan.storage.maxStorageNodes} of ${workers} workers)` : '';
      out.push({
        location: storageNodes < workers ? 'storage.portworx.maxStorageNodes' : 'nodes.workers',
        message:
          `${storageNodes} Portworx storage node${storageNodes === 1 ? '' : 's'}${limitedBy}: the internal kvdb needs at least ${MIN_STORAGE_NODES} for quorum; ` +
          `use at least ${MIN_WORKERS} workers (${RECOMMENDED_WORKERS} recommended) with maxStorageNodes equal to the worker count`,
      });
    } else if (workers < MIN_WORKERS) {
      out.push({
        level: FindingLevel.WARNING,
        location: 'nodes.workers',
        message: `${workers} workers: Portworx keeps quorum only while every node is up, so no node may go offline for a repave or maintenance; use at least ${MIN_WORKERS} workers (${RECOMMENDED_WORKERS} recommended)`,
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
