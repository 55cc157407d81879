import { ProfileJson } from '../../palette/cluster-profile';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { PackJson } from '../../palette/profile-layer';
import { installPriority, manifestObjects, pathGet, safeProfiles } from '../profile-scan';
import { VmoSiteModel } from '../site-model';

/** The VMO pack's namespace (`pack.namespace: vm-dashboard`, pack-values.md §9; seed 000 creates the ConfigMap there). */
const VMO_NAMESPACE = 'vm-dashboard';
const VMO_PACK = 'virtual-machine-orchestrator';

/** Infrastructure layers install with the cluster, before any add-on. */
const effectivePriority = (pack: PackJson) => (pack.layer !== 'addon' ? -Infinity : (installPriority(pack) ?? 0));

/**
 * SEC-005: VMO's `privateCaCertificate.enabled` needs the CA ConfigMap to exist first. Seed
 * 000 "Custom CA Certificate": "Step 1: Create the ConfigMap FIRST" in vm-dashboard; "Only
 * after the ConfigMap exists: enabled: true". The ConfigMap must come from a layer that
 * installs before VMO, or be created by hand before the deploy (then suppress with a reason).
 */
export const SEC_005: Rule<VmoSiteModel> = {
  id: 'SEC-005',
  level: FindingLevel.WARNING,
  description: 'VMO privateCaCertificate.enabled requires the CA ConfigMap in vm-dashboard to exist first (a layer ordered earlier)',
  source: 'seed 000 "Custom CA Certificate (Self-Hosted Palette)"',
  check({ plan, profiles }) {
    const ca = plan.vmo.privateCa;
    if (!ca) return [];
    const out: RuleViolation[] = [];
    const rendered = safeProfiles(profiles);
    const configMaps = manifestObjects(rendered).filter((o) => o.object.kind === 'ConfigMap' && pathGet(o.object, 'metadata', 'name') === ca.configMapName);
    const vmoPriority = (profile: ProfileJson) => {
      const vmo = profile.spec.template.packs.find((p) => p.name === VMO_PACK);
      return vmo ? effectivePriority(vmo) : undefined;
    };
    const fix = `create ConfigMap ${ca.configMapName} (key ${ca.key}) in namespace ${VMO_NAMESPACE} from a layer with a lower install priority than VMO, or by hand before deploying and suppress SEC-005 with that reason`;
    if (!configMaps.length) {
      out.push({ location: 'vmo.privateCa', message: `VMO trusts the private CA from ConfigMap ${ca.configMapName}, but no layer creates it and it must exist before VMO installs: ${fix}` });
      return out;
    }
    for (const cm of configMaps) {
      const namespace = pathGet(cm.object, 'metadata', 'namespace') ?? 'default';
      if (namespace !== VMO_NAMESPACE) {
        out.push({ location: cm.location, message: `ConfigMap ${ca.configMapName} is in namespace ${String(namespace)}, but VMO reads it from ${VMO_NAMESPACE}: move it to ${VMO_NAMESPACE}` });
      }
      if (pathGet(cm.object, 'data', ca.key) === undefined) {
        out.push({ location: cm.location, message: `ConfigMap ${ca.configMapName} has no key '${ca.key}', which VMO reads the certificate from: add the PEM under '${ca.key}'` });
      }
      const vmo = vmoPriority(cm.profile);
      const own = effectivePriority(cm.pack);
      if (vmo !== undefined && own >= vmo) {
        out.push({
          location: cm.location,
          message: `ConfigMap ${ca.configMapName} installs at priority ${own}, not before VMO (priority ${vmo}): give layer ${cm.pack.name} a priority below ${vmo}`,
        });
      }
    }
    return out;
  },
};
