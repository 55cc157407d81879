import { FindingLevel, Rule, RuleViolation } from '../finding';
import { ProfileJson } from '../cluster-profile';

/** SEC-001 (profile part): a sensitive variable has no default, so no secret is written. */
export const SEC_001_VARIABLES: Rule<ProfileJson> = {
  id: 'SEC-001',
  level: FindingLevel.ERROR,
  description: 'no secret value is written to any output file; secrets are sensitive profile variables without default',
  source: 'DESIGN.md output contract',
  check(profile) {
    const out: RuleViolation[] = [];
    for (const v of profile.spec.variables) {
      if (v.isSensitive && v.defaultValue !== undefined && !/^\*+$/.test(v.defaultValue)) {
        out.push({
          location: `profile ${profile.metadata.name}, variable ${v.name}`,
          message: `sensitive variable '${v.name}' has a default, which would write the secret into the profile: remove the default and enter the value at deploy time`,
        });
      }
    }
    return out;
  },
};
