import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { storageSetting } from './storage-settings';
import { compareVersions, parseVersion } from './versions';

/**
 * STO-010: the Kubernetes layer's version is within the CSI pack's constraint (pack.json
 * `{packName: kubernetes, maxVersion}`): Portworx 3.3.1 supports Kubernetes up to 1.32.x.
 * Both versions are read from the layers written, so the check follows the pack versions.
 */
export const STO_010: Rule<VmoSiteModel> = {
  id: 'STO-010',
  level: FindingLevel.ERROR,
  description: 'pack version constraints: the CSI pack supports the Kubernetes version (Portworx 3.3.1 up to 1.32.x, 3.2.x up to 1.31.x, 3.4.x up to 1.33.x)',
  source: 'pack.json of Portworx 3.3.1 (pack-values.md §5, §12)',
  check(site) {
    const out: RuleViolation[] = [];
    const storage = site.storage;
    const k8sVersion = site.kubernetes?.version;
    if (!storage || k8sVersion === undefined) return out;
    const k8s = parseVersion(k8sVersion);
    if (!k8s) {
      out.push({ location: 'kubernetes.version', message: `kubernetes version '${k8sVersion}' is not a version: write major.minor.patch, e.g. 1.32.4 (RA rev 1.7)` });
    }
    if (!parseVersion(storage.version)) {
      out.push({ location: storageSetting(storage, 'version'), message: `${storage.product} version '${storage.version}' is not a version: write major.minor.patch, e.g. 3.3.1 (RA rev 1.7)` });
    }
    const limit = storage.maxKubernetes;
    const max = limit && parseVersion(limit.version);
    if (k8s && limit && max && compareVersions(k8s, max) > 0) {
      out.push({
        location: 'kubernetes.version',
        message:
          `kubernetes ${k8sVersion} is newer than ${storage.product} ${storage.version} supports (up to ${limit.label}): ` +
          `use kubernetes ${limit.label}${limit.newerPack ? `, or a ${storage.product} ${limit.newerPack} pack, which supports it` : ''}`,
      });
    }
    return out;
  },
};
