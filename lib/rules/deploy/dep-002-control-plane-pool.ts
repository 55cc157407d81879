import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hasMaas } from './has-maas';

/**
 * DEP-002: the control-plane machine pool the cluster is deployed with is odd-sized and at least
 * 3 (etcd quorum). Seed 004: the master pool size "can be 1, 3, 5, etc."; seed 002 sizing
 * "assumes using at least 3 control plane nodes". CAP-002 warns about the node count of any
 * site; deploying a cluster definition makes it an error (suppress it for a lab, with a reason).
 */
export const DEP_002: Rule<VmoSiteModel> = {
  id: 'DEP-002',
  level: FindingLevel.ERROR,
  description: 'the control-plane machine pool deployed has an odd number of nodes, at least 3',
  source: 'seed 004 "Configure the master and worker node pools"; seed 002 (RA rev 1.7) "Hardware resources"',
  appliesTo: hasMaas,
  check(site) {
    const pool = site.cluster?.pools.find((p) => p.controlPlane);
    const plan = site.maas?.pools.find((p) => p.controlPlane);
    if (!pool || !plan) return [];
    const n = pool.count;
    // A count that is not a whole number of at least 1 is CAP-002's error.
    if (!(Number.isInteger(n) && n >= 1)) return [];
    if (n >= 3 && n % 2 === 1) return [];
    const why = n % 2 === 0 ? 'an even etcd membership survives no more failures than one member fewer' : 'one etcd member is lost with its node';
    return [
      {
        location: plan.countSetting,
        message: `the control-plane pool ${pool.name} deploys ${n} node${n === 1 ? '' : 's'}: ${why}; deploy 3 (the RA's), 5 or another odd number`,
      },
    ];
  },
};
