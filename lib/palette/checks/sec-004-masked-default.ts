import { FindingLevel, Rule, RuleViolation } from '../finding';
import { ProfileJson } from '../cluster-profile';

/** SEC-004: a sensitive variable never carries a masked (`********`) default. */
export const SEC_004: Rule<ProfileJson> = {
  id: 'SEC-004',
  level: FindingLevel.ERROR,
  description: 'a sensitive profile variable never carries a masked default (asterisks); Palette rejects it on import',
  source: 'palette-profile-format.md §3.3',
  check(profile) {
    const out: RuleViolation[] = [];
    for (const v of profile.spec.variables) {
      if (v.defaultValue !== undefined && /^\*+$/.test(v.defaultValue)) {
        out.push({
          location: `profile ${profile.metadata.name}, variable ${v.name}`,
          message: `default '${v.defaultValue}' is a masked value, which Palette rejects on import: remove the default and enter the value at deploy time`,
        });
      }
    }
    return out;
  },
};
