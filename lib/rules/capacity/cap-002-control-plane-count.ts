import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * CAP-002: at least 3 control-plane nodes, an odd number (etcd quorum). Seed 002: "The table
 * above assumes using at least 3 control plane nodes for a cluster"; seed 000 control plane
 * minimum 3.
 */
export const CAP_002: Rule<VmoSiteModel> = {
  id: 'CAP-002',
  level: FindingLevel.WARNING,
  description: 'node counts are whole numbers of at least 1 (error); at least 3 control-plane nodes, an odd number (warning)',
  source: 'seed 002 (RA rev 1.7), "Hardware resources"; seed 000 "Control Plane Nodes"',
  check(site) {
    const n = site.nodes.controlPlane;
    const out: RuleViolation[] = [];
    for (const role of ['controlPlane', 'workers'] as const) {
      const count = site.nodes[role];
      // A count that is not a whole number of at least 1 cannot be sized or deployed: an error, not a warning.
      if (!(typeof count === 'number' && Number.isInteger(count) && count >= 1)) {
        out.push({
          level: FindingLevel.ERROR,
          location: `nodes.${role}`,
          message: `${role === 'workers' ? 'worker' : 'control-plane node'} count '${String(count)}' is not a whole number of at least 1: give the number of ${role === 'workers' ? 'worker' : 'control-plane'} nodes (the RA uses ${role === 'workers' ? 5 : 3})`,
        });
      }
    }
    if (out.length) return out;
    if (!(typeof n === 'number' && Number.isInteger(n) && n >= 3 && n % 2 === 1)) {
      const why = typeof n === 'number' && Number.isInteger(n) && n >= 3 ? 'an even count adds no etcd fault tolerance' : 'etcd needs at least 3 members to survive the loss of one';
      out.push({
        location: 'nodes.controlPlane',
        message: `${n} control-plane node${n === 1 ? '' : 's'}: ${why}; use an odd number of at least 3 (the RA uses 3)`,
      });
    }
    return out;
  },
};
