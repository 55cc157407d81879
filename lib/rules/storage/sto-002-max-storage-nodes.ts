import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * STO-002: `cloudStorage.maxStorageNodes` equals the worker count. Seed 002 Portworx layer:
 * "At cluster deployment, set this variable to the number of worker nodes in the cluster.
 * This ensures that clouddisks are always reattached to other nodes, preventing unnecessary
 * replication during cluster repaves."
 */
export const STO_002: Rule<VmoSiteModel> = {
  id: 'STO-002',
  level: FindingLevel.WARNING,
  description: 'Portworx cloudStorage.maxStorageNodes equals the worker count (RA rev 1.7), so LUNs move instead of rebuilding on repave',
  source: 'seed 002 (RA rev 1.7), Portworx layer and "Selected solution" settings table',
  check(site) {
    const out: RuleViolation[] = [];
    const maxStorageNodes = site.storage?.maxStorageNodes;
    const { workers } = site.nodes;
    if (maxStorageNodes !== undefined && maxStorageNodes !== workers) {
      out.push({
        location: 'storage.portworx.maxStorageNodes',
        message:
          `maxStorageNodes ${maxStorageNodes} differs from the worker count ${workers}: set it to ${workers} ` +
          `so a repaved node's FlashArray LUN is reattached to its replacement instead of being rebuilt`,
      });
    }
    return out;
  },
};
