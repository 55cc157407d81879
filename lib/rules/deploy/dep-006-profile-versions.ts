import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * Strict SemVer 2.0.0 `major.minor.patch[-prerelease]`: no leading zeros, no empty identifier,
 * no build metadata (Palette documents `major.minor.patch[-pre]` only).
 */
const NUMBER = '(0|[1-9]\\d*)';
const PRE_ID = '(0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
export const STRICT_SEMVER = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(-${PRE_ID}(\\.${PRE_ID})*)?$`);

/**
 * DEP-006: every profile version is strict SemVer. Palette "rejects malformed strings such as
 * `2.2.2.develop`, `b0.0.1`, or `v1.2`" (librarium version-cluster-profile.md, deploy.md §5), and
 * the Terraform import resources are named by version.
 */
export const DEP_006: Rule<VmoSiteModel> = {
  id: 'DEP-006',
  level: FindingLevel.ERROR,
  // A site that breaks it cannot work (malformed or contradictory input): no suppression lets it through.
  suppressible: false,
  description: 'every profile version is strict SemVer major.minor.patch[-prerelease] (no leading zeros, no build metadata)',
  source: 'deploy.md §5 "Profile versions" (librarium version-cluster-profile.md)',
  check(site) {
    const out: RuleViolation[] = [];
    const seen = new Set<string>();
    for (const { json } of site.rendered.profiles) {
      const v = json.spec.version;
      if (STRICT_SEMVER.test(v) || seen.has(v)) continue;
      seen.add(v);
      out.push({
        location: 'profileVersion',
        message: `profile ${json.metadata.name} version '${v}' is not strict SemVer, which Palette requires: write major.minor.patch with an optional -prerelease, no leading zeros and no +build, e.g. '1.7.1' or '1.7.1-pwx'`,
      });
    }
    return out;
  },
};
