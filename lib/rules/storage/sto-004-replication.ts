import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { storageNodeCount } from './storage-nodes';
import { storageSetting } from './storage-settings';

/**
 * STO-004, graded: error when the VM storage class keeps more copies than there are storage
 * nodes (volumes cannot be placed, one copy per node) or a count the product does not take
 * (Portworx `repl` 1..3); warning when it keeps one copy. Seed 000: "Volumes with repl: 2 or
 * higher survive single node loss; repl: 1 volumes lose data"; Longhorn: "If you release a node
 * with the only replica of a volume, data is permanently lost"; Ceph pools keep one copy per host.
 */
export const STO_004: Rule<VmoSiteModel> = {
  id: 'STO-004',
  level: FindingLevel.ERROR,
  description: 'the VM storage class keeps at most one copy per storage node (Portworx repl, Longhorn numberOfReplicas, Ceph pool size); warning with one copy (data lost with one node)',
  source: 'seed 000 "Storage Considerations When Removing Nodes"; seed 002 (RA rev 1.7) repl "2"',
  check(site) {
    const out: RuleViolation[] = [];
    const storage = site.storage;
    const vmClass = storage?.storageClasses.find((sc) => sc.name === storage.vmStorageClass);
    const repl = vmClass ? storage?.replicasOf(vmClass) : undefined;
    if (!storage || repl === undefined) return out;
    const location = storageSetting(storage, 'replicas');
    const nodes = storageNodeCount(site);
    const max = storage.maxReplicas;
    const product = storage.product;
    if (!Number.isInteger(repl) || repl < 1 || (max !== undefined && repl > max)) {
      out.push({ location, message: `replication '${repl}' is not a ${product} replica count: use ${max !== undefined ? `1 to ${max}` : 'a whole number of at least 1'} (2 or 3 keep data through the loss of a node)` });
    } else if (nodes !== undefined && repl > nodes) {
      out.push({
        location,
        message: `replication ${repl} exceeds the ${nodes} ${product} storage nodes: volumes cannot get their replicas; use ${Math.max(1, Math.min(2, nodes))} or add storage nodes`,
      });
    } else if (repl === 1) {
      out.push({
        level: FindingLevel.WARNING,
        location,
        message: `replication 1 keeps one copy of each volume: losing or releasing one node loses its data; use 2 or more (the RA's Portworx keeps 2, Longhorn and Rook-Ceph 3 by default)`,
      });
    }
    return out;
  },
};
