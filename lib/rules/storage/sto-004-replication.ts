import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { storageNodeCount } from './storage-nodes';

/** Portworx keeps 1 to 3 replicas of a volume. */
const MAX_REPLICATION = 3;

/**
 * STO-004, graded: error when the storage class `repl` exceeds the storage nodes (volumes
 * cannot be placed) or is not 1..3; warning when it is 1. Seed 000: "Volumes with repl: 2
 * or higher survive single node loss; repl: 1 volumes lose data".
 */
export const STO_004: Rule<VmoSiteModel> = {
  id: 'STO-004',
  level: FindingLevel.ERROR,
  description: 'the storage class repl is at most the number of storage nodes; warning when repl is 1 (data lost with one node)',
  source: 'seed 000 "Storage Considerations When Removing Nodes" (Portworx); seed 002 (RA rev 1.7) repl "2"',
  check(site) {
    const out: RuleViolation[] = [];
    const storage = site.storage;
    const vmClass = storage?.storageClasses.find((sc) => sc.name === storage.vmStorageClass);
    const repl = vmClass ? storage?.replicasOf(vmClass) : undefined;
    if (repl === undefined) return out;
    const nodes = storageNodeCount(site);
    if (!Number.isInteger(repl) || repl < 1 || repl > MAX_REPLICATION) {
      out.push({ location: 'storage.portworx.replication', message: `replication '${repl}' is not a Portworx repl: use 1, 2 or 3 (the RA uses 2)` });
    } else if (nodes !== undefined && repl > nodes) {
      out.push({
        location: 'storage.portworx.replication',
        message: `replication ${repl} exceeds the ${nodes} Portworx storage nodes: volumes cannot get their replicas; use repl ${Math.max(1, Math.min(2, nodes))} or add storage nodes`,
      });
    } else if (repl === 1) {
      out.push({
        level: FindingLevel.WARNING,
        location: 'storage.portworx.replication',
        message: 'replication 1 keeps one copy of each volume: losing or releasing one node loses its data; use repl 2 (the RA value)',
      });
    }
    return out;
  },
};
