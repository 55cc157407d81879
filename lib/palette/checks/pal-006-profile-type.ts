import { FindingLevel, Rule, RuleViolation } from '../finding';
import { ProfileJson } from '../cluster-profile';

/** PAL-006: `cloudType: all` goes with `type: add-on`; infra and full profiles name a cloud and hold infra layers only where allowed. */
export const PAL_006: Rule<ProfileJson> = {
  id: 'PAL-006',
  level: FindingLevel.ERROR,
  description: 'type add-on for cloudType all; infra and full profiles use a concrete cloud type (maas); add-on profiles hold no infrastructure layer',
  source: 'palette-profile-format.md §1',
  check(profile) {
    const out: RuleViolation[] = [];
    const { type, cloudType, packs } = profile.spec.template;
    const p = `profile ${profile.metadata.name}`;
    if (cloudType === 'all' && type !== 'add-on') {
      out.push({ location: p, message: `type '${type}' with cloudType 'all': only add-on profiles use 'all'; use cloudType 'maas' or type 'add-on'` });
    }
    if (type === 'add-on' && cloudType !== 'all') {
      out.push({ location: p, message: `add-on profile with cloudType '${cloudType}': add-on profiles use cloudType 'all'` });
    }
    const infra = packs.filter((k) => k.layer !== 'addon');
    if (type === 'add-on' && infra.length) {
      out.push({ location: p, message: `add-on profile holds infrastructure layer(s) ${infra.map((k) => k.name).join(', ')}: move them to an infra or full profile` });
    }
    if (type === 'infra' && packs.some((k) => k.layer === 'addon')) {
      out.push({ location: p, message: `infra profile holds add-on layer(s): move them to an add-on profile or make the profile type 'cluster' (Full)` });
    }
    return out;
  },
};
