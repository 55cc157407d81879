import { FindingLevel, Rule, RuleViolation } from '../finding';
import { ProfileJson } from '../cluster-profile';
import { strictYamlProblems } from '../yaml-format';
import { forEachText } from './profile-texts';

/** PAL-004: every values string and manifest parses as strict YAML. */
export const PAL_004: Rule<ProfileJson> = {
  id: 'PAL-004',
  level: FindingLevel.ERROR,
  description: 'every values string and manifest parses as strict YAML (no duplicate keys, no YAML 1.1 surprises)',
  source: 'palette-profile-format.md §2.6',
  check(profile) {
    const out: RuleViolation[] = [];
    forEachText(profile, (text, location) => {
      for (const p of strictYamlProblems(text)) out.push({ location, message: `invalid YAML: ${p.message}` });
    });
    return out;
  },
};
