import { FindingLevel, Rule, RuleViolation } from '../finding';
import { ProfileJson } from '../cluster-profile';
import { LayerType } from '../layer-type';

const INFRA_ORDER = LayerType.INFRA.map((l) => l.value);

/** PAL-003: unique pack names, unique manifest names per layer, infra layers in os, k8s, cni, csi order. */
export const PAL_003: Rule<ProfileJson> = {
  id: 'PAL-003',
  level: FindingLevel.ERROR,
  description: 'pack names are unique in a profile; manifest names are unique in a layer; infra layers stack os, k8s, cni, csi',
  source: 'palette-profile-format.md §1, §2.1',
  check(profile) {
    const out: RuleViolation[] = [];
    const p = `profile ${profile.metadata.name}`;
    const packs = profile.spec.template.packs;
    const seen = new Set<string>();
    for (const pack of packs) {
      if (seen.has(pack.name)) out.push({ location: p, message: `pack name '${pack.name}' appears twice: give each layer a unique name` });
      seen.add(pack.name);
      const names = new Set<string>();
      for (const m of pack.manifests ?? []) {
        if (names.has(m.name)) {
          out.push({ location: `${p}, layer ${pack.name}`, message: `manifest name '${m.name}' appears twice in the layer: rename one` });
        }
        names.add(m.name);
      }
    }
    const infra = packs.filter((k) => INFRA_ORDER.includes(k.layer));
    const order = infra.map((k) => k.layer);
    const sorted = [...order].sort((a, b) => INFRA_ORDER.indexOf(a) - INFRA_ORDER.indexOf(b));
    const firstAddon = packs.findIndex((k) => k.layer === 'addon');
    const lastInfra = packs.map((k) => INFRA_ORDER.includes(k.layer)).lastIndexOf(true);
    if (order.join(',') !== sorted.join(',') || (firstAddon >= 0 && lastInfra > firstAddon)) {
      out.push({
        location: p,
        message: `layers are stacked ${packs.map((k) => k.layer).join(', ')}: stack the infrastructure layers as os, k8s, cni, csi before any add-on`,
      });
    }
    for (const layer of INFRA_ORDER) {
      const n = order.filter((l) => l === layer).length;
      if (n > 1) out.push({ location: p, message: `${n} '${layer}' layers: a profile holds at most one pack per infrastructure layer` });
    }
    return out;
  },
};
