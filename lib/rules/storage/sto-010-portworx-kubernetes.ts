import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { compareVersions, parseVersion } from './versions';

/**
 * The newest Kubernetes each Portworx pack accepts, by Portworx major.minor: pack.json
 * constraints `{packName: kubernetes, maxVersion: ...}` (pack-values.md §5 and §12):
 * 3.2.3 max 1.31.99, 3.3.1 max 1.32.99, 3.4.1 max 1.33.99.
 */
const MAX_KUBERNETES: Readonly<Record<string, { max: string; supported: string }>> = {
  '3.2': { max: '1.31.99', supported: '1.31.x' },
  '3.3': { max: '1.32.99', supported: '1.32.x' },
  '3.4': { max: '1.33.99', supported: '1.33.x' },
};

/** STO-010: the Kubernetes version is within the Portworx pack's constraint. */
export const STO_010: Rule<VmoSiteModel> = {
  id: 'STO-010',
  level: FindingLevel.ERROR,
  description: 'pack version constraints: Portworx 3.3.1 supports Kubernetes up to 1.32.x (3.2.x up to 1.31.x, 3.4.x up to 1.33.x)',
  source: 'pack.json of Portworx 3.3.1 (pack-values.md §5, §12)',
  check({ plan }) {
    const out: RuleViolation[] = [];
    const k8s = parseVersion(plan.kubernetes.version);
    const px = parseVersion(plan.storage.portworxVersion);
    if (!k8s) {
      out.push({ location: 'kubernetes.version', message: `kubernetes version '${plan.kubernetes.version}' is not a version: write major.minor.patch, e.g. 1.32.4 (RA rev 1.7)` });
    }
    if (!px) {
      out.push({ location: 'storage.portworx.version', message: `portworx version '${plan.storage.portworxVersion}' is not a version: write major.minor.patch, e.g. 3.3.1 (RA rev 1.7)` });
    }
    if (!k8s || !px) return out;
    const limit = MAX_KUBERNETES[`${px[0]}.${px[1] ?? 0}`];
    const max = limit && parseVersion(limit.max);
    if (limit && max && compareVersions(k8s, max) > 0) {
      const newer = Object.entries(MAX_KUBERNETES).find(([, l]) => {
        const m = parseVersion(l.max);
        return m !== undefined && compareVersions(k8s, m) <= 0;
      });
      out.push({
        location: 'kubernetes.version',
        message:
          `kubernetes ${plan.kubernetes.version} is newer than Portworx ${plan.storage.portworxVersion} supports (up to ${limit.supported}): ` +
          `use kubernetes ${limit.supported}${newer ? `, or a Portworx ${newer[0]}.x pack, which supports it` : ''}`,
      });
    }
    return out;
  },
};
