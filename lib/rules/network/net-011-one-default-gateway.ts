import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * NET-011: only the data network has the default gateway. Seed 002 network table: "Bare metal
 * deployment ... Gateway None", "Kubernetes hosts (mgmt) ... None", "End user access (data)
 * ... 10.20.30.1"; "The bond_data.20 subinterface provides outbound connectivity as it has
 * the default gateway ... Any specific datacenter networks we want to reach over the
 * bond_mgmt.10 subinterface instead, can be configured through static routes". A second
 * gateway gives a node two default routes, and replies leave by the wrong interface.
 */
export const NET_011: Rule<VmoSiteModel> = {
  id: 'NET-011',
  level: FindingLevel.WARNING,
  description: 'only the data subnet has a gateway (the default route is on the data VLAN); the PXE and mgmt subnets reach other networks by static routes',
  source: 'seed 002 (RA rev 1.7), network table and "provides outbound connectivity as it has the default gateway"',
  check(site) {
    const out: RuleViolation[] = [];
    for (const name of ['pxe', 'mgmt'] as const) {
      const gateway = site.network[name].gateway;
      if (gateway === undefined) continue;
      out.push({
        location: `network.${name}.gateway`,
        message:
          `the ${name === 'pxe' ? 'PXE' : name} subnet has a gateway (${gateway}), so nodes would get a second default route beside the data VLAN's: ` +
          `remove it, and reach other networks over ${name} with static routes on the subnet in MAAS`,
      });
    }
    return out;
  },
};
