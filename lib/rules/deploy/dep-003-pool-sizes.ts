import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hasMaas } from './has-maas';

/**
 * DEP-003: the machine pools deploy the nodes the profiles were sized for. The control-plane
 * pool takes `nodes.controlPlane`; listed worker pools must add up to `nodes.workers`, which
 * Portworx `maxStorageNodes`, the pod CIDR and the sizing rules read.
 */
export const DEP_003: Rule<VmoSiteModel> = {
  id: 'DEP-003',
  level: FindingLevel.ERROR,
  description: 'machine pool sizes match nodes: each pool has a whole number of nodes, the worker pools add up to nodes.workers',
  source: 'seed 002 (RA rev 1.7) Portworx "cloudStorage.maxStorageNodes = # of worker nodes"; deploy.md §1.1 machine_pool.count',
  appliesTo: hasMaas,
  check(site) {
    const cluster = site.cluster;
    const plan = site.maas;
    if (!cluster || !plan) return [];
    const out: RuleViolation[] = [];
    for (const p of plan.pools) {
      // nodes.* counts are CAP-002's to report.
      if (p.countSetting.startsWith('nodes.') || (Number.isInteger(p.count) && p.count >= 1)) continue;
      out.push({ location: p.countSetting, message: `machine pool ${p.name} count '${String(p.count)}' is not a whole number of at least 1: give the number of nodes in the pool` });
    }
    if (out.length) return out;
    const workerPools = cluster.pools.filter((p) => !p.controlPlane);
    const workers = workerPools.reduce((n, p) => n + p.count, 0);
    if (workers !== site.nodes.workers && Number.isInteger(site.nodes.workers)) {
      const parts = workerPools.map((p) => `${p.name} ${p.count}`).join(' + ');
      out.push({
        location: 'maas.workerPools',
        message:
          `the worker pools deploy ${workers} nodes (${parts}) but nodes.workers is ${site.nodes.workers}, which the profiles are sized for ` +
          `(Portworx maxStorageNodes, the pod CIDR): make the pool counts add up to nodes.workers`,
      });
    }
    return out;
  },
};
