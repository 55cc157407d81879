import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/** Seed 001: "Do not use this setting in clusters with 6 or fewer nodes in the worker pool." */
const MAX_WORKERS_WITHOUT_REMOTE = 6;
/** The Stork storage class parameter (seed 001). */
const PREFER_REMOTE_NODE_ONLY = 'stork.libopenstorage.org/preferRemoteNodeOnly';

/**
 * STO-003: Stork's `preferRemoteNodeOnly: "true"` keeps VMs off the nodes serving their
 * volumes, which needs more than 6 workers (seed 001 Portworx storage class).
 */
export const STO_003: Rule<VmoSiteModel> = {
  id: 'STO-003',
  level: FindingLevel.ERROR,
  description: 'stork.libopenstorage.org/preferRemoteNodeOnly: "true" needs more than 6 workers',
  source: 'seed 001 (RA rev 1.2), Portworx storage class',
  check(site) {
    const out: RuleViolation[] = [];
    const { workers } = site.nodes;
    const vmClass = site.storage?.storageClasses.find((sc) => sc.name === site.storage?.vmStorageClass);
    if (vmClass?.parameters[PREFER_REMOTE_NODE_ONLY] === 'true' && !(workers > MAX_WORKERS_WITHOUT_REMOTE)) {
      out.push({
        location: 'storage.portworx.preferRemoteNodeOnly',
        message:
          `preferRemoteNodeOnly is true with ${workers} workers: the anti-affinity needs more than ${MAX_WORKERS_WITHOUT_REMOTE} workers ` +
          `or VMs may not schedule; set it to false or use at least ${MAX_WORKERS_WITHOUT_REMOTE + 1} workers`,
      });
    }
    return out;
  },
};
