import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * DEP-001: every MAAS machine pool names its availability zones. Palette 4.7.13: "Availability
 * zones are now required when creating MAAS node pools"; changing them later repaves the pool.
 */
export const DEP_001: Rule<VmoSiteModel> = {
  id: 'DEP-001',
  level: FindingLevel.ERROR,
  description: 'every MAAS machine pool names at least one availability zone (required since Palette 4.7.13)',
  source: 'deploy.md §1.1 (librarium release notes 2025-08-17, Palette 4.7.13); seed 002 MAAS settings "AZs: align to datacenter layout"',
  check(site) {
    const out: RuleViolation[] = [];
    const reported = new Set<string>();
    for (const pool of site.maas?.pools ?? []) {
      if (pool.azs.length || reported.has(pool.azsSetting)) continue;
      reported.add(pool.azsSetting);
      out.push({
        location: pool.azsSetting,
        message:
          `machine pool ${pool.name} has no availability zone, and Palette 4.7.13 and later refuse MAAS pools without one: ` +
          `set ${pool.azsSetting} to the MAAS zones of the racks or rooms the pool spans (MAAS names its built-in zone 'default'); changing them later repaves the pool`,
      });
    }
    return out;
  },
};
