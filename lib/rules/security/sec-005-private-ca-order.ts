import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { LayerRole } from '../../palette/layer-role';
import { valueAt } from '../../palette/rendered';
import { installPriority } from '../../model/vmo-site-model';
import { VmoSiteModel } from '../site-model';

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
  check(site) {
    const ca = site.vmo?.privateCa;
    if (!ca || !site.vmo) return [];
    const namespace = site.vmo.namespace;
    const out: RuleViolation[] = [];
    const configMaps = site.objects.filter((o) => o.deployed.kind === 'ConfigMap' && valueAt(o.deployed, 'metadata', 'name') === ca.configMapName);
    const fix = `create ConfigMap ${ca.configMapName} (key ${ca.key}) in namespace ${namespace} from a layer with a lower install priority than VMO, or by hand before deploying and suppress SEC-005 with that reason`;
    if (!configMaps.length) {
      out.push({ location: 'vmo.privateCa', message: `VMO trusts the private CA from ConfigMap ${ca.configMapName}, but no layer creates it and it must exist before VMO installs: ${fix}` });
      return out;
    }
    for (const cm of configMaps) {
      const cmNamespace = valueAt(cm.deployed, 'metadata', 'namespace') ?? 'default';
      if (cmNamespace !== namespace) {
        out.push({ location: cm.where, message: `ConfigMap ${ca.configMapName} is in namespace ${String(cmNamespace)}, but VMO reads it from ${namespace}: move it to ${namespace}` });
      }
      if (valueAt(cm.deployed, 'data', ca.key) === undefined) {
        out.push({ location: cm.where, message: `ConfigMap ${ca.configMapName} has no key '${ca.key}', which VMO reads the certificate from: add the PEM under '${ca.key}'` });
      }
      const own = installPriority(cm.layer);
      for (const profile of site.rendered.profiles.filter((p) => p.layers.includes(cm.layer))) {
        const vmo = profile.layers.find((l) => l.role === LayerRole.VMO);
        const vmoPriority = vmo ? installPriority(vmo) : undefined;
        if (vmoPriority !== undefined && own >= vmoPriority) {
          out.push({
            location: cm.where,
            message: `ConfigMap ${ca.configMapName} installs at priority ${own}, not before VMO (priority ${vmoPriority}): give layer ${cm.layer.pack.name} a priority below ${vmoPriority}`,
          });
          break;
        }
      }
    }
    return out;
  },
};
