import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { LayerRole } from '../../palette/layer-role';
import { VmoSiteModel } from '../site-model';
import { storageNodeCount } from './storage-nodes';
import { storageSetting } from './storage-settings';

/**
 * STO-011, the loss of one node as seed 000 describes it per product ("Storage Considerations
 * When Removing Nodes"), graded: error when the product's quorum members (Ceph MONs, one per
 * node) outnumber the storage nodes; warning when the quorum is even or smaller than 3 ("Ceph
 * requires odd number of MONs — typically 3"; "Never remove more than (n-1)/2 MONs at once"),
 * and when the VM class keeps as many copies as there are storage nodes, so a lost, released or
 * repaved node leaves every volume degraded with no node to rebuild onto until it returns
 * (Longhorn "Volume degraded until replica rebuilt", Ceph "rebalance", Portworx "auto-rebuild to
 * healthy nodes").
 */
export const STO_011: Rule<VmoSiteModel> = {
  id: 'STO-011',
  level: FindingLevel.ERROR,
  description:
    'storage survives the loss of one node: the quorum (Ceph MONs) fits the storage nodes one per node and is odd, at least 3 (else error/warning); warning when the VM class keeps a copy on every storage node (no node to rebuild onto)',
  source: 'seed 000 "Storage Considerations When Removing Nodes" (storage table, Longhorn, Rook-Ceph)',
  check(site) {
    const out: RuleViolation[] = [];
    const storage = site.storage;
    const nodes = storageNodeCount(site);
    if (!storage || nodes === undefined) return out;
    const quorum = storage.quorum;
    const csi = site.rendered.layerWith(LayerRole.CSI);
    if (quorum) {
      const { members, what } = quorum;
      if (quorum.onePerNode && members > nodes) {
        out.push({
          location: 'nodes.workers',
          message: `${members} ${what} run one per node, but the site has ${nodes} storage node${nodes === 1 ? '' : 's'}: ${members - nodes} of them cannot start and quorum is at risk; use at least ${members} workers`,
        });
      } else if (members < 3 || members % 2 === 0) {
        out.push({
          level: FindingLevel.WARNING,
          // The MON count is the CSI layer's own (no site setting).
          location: csi ? site.rendered.locate(csi) : 'storage',
          message:
            `${members} ${what}: ${members < 3 ? 'losing one node loses quorum and stops all storage I/O' : 'an even number survives no more losses than one fewer'}; ` +
            `run an odd number of at least 3 (seed 000: "typically 3")`,
        });
      }
    }
    const vmClass = storage.storageClasses.find((sc) => sc.name === storage.vmStorageClass);
    const copies = vmClass ? storage.replicasOf(vmClass) : undefined;
    if (copies !== undefined && Number.isInteger(copies) && copies >= 2 && copies === nodes) {
      out.push({
        level: FindingLevel.WARNING,
        location: storageSetting(storage, 'replicas'),
        message:
          `storage class ${vmClass?.name} keeps ${copies} copies on ${nodes} ${storage.product} storage nodes: a lost, released or repaved node leaves every volume degraded with no node to rebuild onto until it returns; ` +
          `add a worker, or keep ${copies - 1} copies`,
      });
    }
    return out;
  },
};
