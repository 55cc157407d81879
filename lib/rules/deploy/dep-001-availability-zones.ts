import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hasMaas } from './has-maas';

/**
 * DEP-001: every MAAS machine pool names its availability zones. Palette 4.7.13: "Availability
 * zones are now required when creating MAAS node pools"; changing them later repaves the pool.
 * One finding per setting to fill in, naming every pool that takes its zones from it.
 */
export const DEP_001: Rule<VmoSiteModel> = {
  id: 'DEP-001',
  level: FindingLevel.ERROR,
  description: 'every MAAS machine pool names at least one availability zone (required since Palette 4.7.13)',
  source: 'deploy.md §1.1 (librarium release notes 2025-08-17, Palette 4.7.13); seed 002 MAAS settings "AZs: align to datacenter layout"',
  appliesTo: hasMaas,
  check(site) {
    const bySetting = new Map<string, string[]>();
    for (const pool of site.maas?.pools ?? []) {
      if (pool.azs.length) continue;
      bySetting.set(pool.azsSetting, [...(bySetting.get(pool.azsSetting) ?? []), pool.name]);
    }
    const out: RuleViolation[] = [];
    for (const [setting, names] of bySetting) {
      const one = names.length === 1;
      out.push({
        location: setting,
        message:
          `machine pool${one ? '' : 's'} ${andList(names)} ${one ? 'has' : 'have'} no availability zone, and Palette 4.7.13 and later refuse MAAS pools without one: ` +
          `set ${setting} to the MAAS zones of the racks or rooms the pool${one ? '' : 's'} span${one ? 's' : ''} (MAAS names its built-in zone 'default'); changing them later repaves the pool${one ? '' : 's'}`,
      });
    }
    return out;
  },
};

/** `a`, `a and b`, `a, b and c`. */
function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
