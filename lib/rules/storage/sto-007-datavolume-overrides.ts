import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { volumeClaims } from './volume-claims';

/**
 * STO-007: a DataVolume that sets its own `volumeMode`/`accessModes` (or uses `spec.pvc`,
 * which requires them) bypasses the CDI StorageProfile, so a class change leaves it behind.
 * Field report of RA deploys (the Longhorn templates had to be edited DataVolume by DataVolume).
 */
export const STO_007: Rule<VmoSiteModel> = {
  id: 'STO-007',
  level: FindingLevel.WARNING,
  description: 'DataVolumes use spec.storage without volumeMode/accessModes, so the StorageProfile decides',
  source: 'field report of RA deploys; CDI StorageProfile semantics (seed 002 VMO-Storage layer)',
  check(site) {
    const out: RuleViolation[] = [];
    for (const c of volumeClaims(site).filter((x) => x.kind === 'DataVolume')) {
      const set = [
        ...(c.volumeMode !== undefined ? [`volumeMode ${c.volumeMode}`] : []),
        ...(c.accessModes !== undefined ? [`accessModes ${c.accessModes.join(', ') || '[]'}`] : []),
      ];
      if (c.form === 'pvc') {
        out.push({
          location: c.location,
          message: `${c.what} uses spec.pvc${set.length ? ` with ${set.join(' and ')}` : ''}, which bypasses the StorageProfile: use spec.storage with only the size (and class)`,
        });
      } else if (set.length) {
        out.push({
          location: c.location,
          message: `${c.what} sets ${set.join(' and ')} in spec.storage, which overrides the StorageProfile: remove them and let the StorageProfile decide`,
        });
      }
    }
    return out;
  },
};
