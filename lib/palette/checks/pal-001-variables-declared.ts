import { FindingLevel, Rule, RuleViolation } from '../finding';
import { ProfileJson } from '../cluster-profile';
import { VARIABLE_REFERENCE } from '../yaml-format';
import { forEachText } from './profile-texts';

/** PAL-001: every `{{.spectro.var.X}}` is declared; declared but unused is a warning. */
export const PAL_001: Rule<ProfileJson> = {
  id: 'PAL-001',
  level: FindingLevel.ERROR,
  description: 'every profile variable referenced in values or manifests is declared in spec.variables',
  source: 'palette-profile-format.md §3.2 (PackVariablesUndefined)',
  check(profile) {
    const declared = new Set(profile.spec.variables.map((v) => v.name));
    const used = new Set<string>();
    const out: RuleViolation[] = [];
    forEachText(profile, (text, location) => {
      for (const m of text.matchAll(VARIABLE_REFERENCE)) {
        used.add(m[1]);
        if (!declared.has(m[1])) {
          out.push({
            location,
            message:
              `references undeclared profile variable '${m[1]}' (declared: ${[...declared].join(', ') || 'none'}): ` +
              `declare it on the profile or use the ProfileVariable object instead of a literal reference`,
          });
        }
      }
    });
    for (const name of declared) {
      if (!used.has(name)) {
        out.push({
          level: FindingLevel.WARNING,
          location: `profile ${profile.metadata.name}`,
          message: `profile variable '${name}' is declared but no layer uses it: remove it or reference it`,
        });
      }
    }
    return out;
  },
};
