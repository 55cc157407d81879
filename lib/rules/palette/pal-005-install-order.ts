import { ProfileJson } from '../../palette/cluster-profile';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { PackJson } from '../../palette/profile-layer';
import { installPriority, layerLocation, safeProfiles } from '../profile-scan';
import { VmoSiteModel } from '../site-model';

type Role = 'storage' | 'loadBalancer' | 'monitoring' | 'vmo' | 'templates';

/** What must install before what, and why (seed 002 install orders: MetalLB 10, Prometheus 20, VMO 30, Templates 40). */
const DEPENDENCIES: readonly { before: Role; after: Role; why: string }[] = [
  { before: 'storage', after: 'vmo', why: "VMO's snapshot class and VM state volumes need the Portworx storage class" },
  { before: 'loadBalancer', after: 'vmo', why: "VMO's dashboard (direct access) and the KubeVirt and CDI services are LoadBalancer services MetalLB serves" },
  { before: 'monitoring', after: 'vmo', why: "VMO's KubeVirt monitoring registers with the Prometheus operator in namespace monitoring" },
  { before: 'vmo', after: 'templates', why: 'the templates create KubeVirt and CDI objects (StorageProfile, DataVolumes, VM preferences and templates) whose CRDs VMO installs' },
  { before: 'monitoring', after: 'storage', why: 'Portworx autopilot reads its metrics from Prometheus' },
];

const RA_PRIORITY: Record<Role, string> = { storage: 'the CSI layer', loadBalancer: '10', monitoring: '20', vmo: '30', templates: '40' };
const WORDS: Record<Role, string> = { storage: 'Portworx', loadBalancer: 'MetalLB', monitoring: 'Prometheus-Grafana', vmo: 'VMO', templates: 'the templates' };
const PLAN_KEYS: Partial<Record<Role, string>> = { loadBalancer: 'metallb', monitoring: 'monitoring', vmo: 'vmo', templates: 'templates' };

function roleOf(pack: PackJson): Role | undefined {
  if (pack.name === 'virtual-machine-orchestrator') return 'vmo';
  if (pack.name.includes('portworx')) return 'storage';
  if (pack.name.includes('metallb')) return 'loadBalancer';
  if (pack.name.includes('prometheus')) return 'monitoring';
  if (pack.type === 'manifest' && pack.name.startsWith('vmo-')) return 'templates';
  return undefined;
}

/** Infrastructure layers install with the cluster, before any add-on. */
const effectivePriority = (pack: PackJson) => (pack.layer !== 'addon' ? -Infinity : (installPriority(pack) ?? 0));
const show = (p: number) => (p === -Infinity ? 'the infrastructure stage' : `priority ${p}`);

/**
 * PAL-005: add-on install priorities follow the dependencies: storage before VMO, VMO before
 * the templates, monitoring before VMO and before Portworx autopilot when Portworx is an
 * add-on. Checked on the site's plan and within each rendered profile (equal priorities
 * install together, so a dependency needs a strictly lower number).
 */
export const PAL_005: Rule<VmoSiteModel> = {
  id: 'PAL-005',
  level: FindingLevel.WARNING,
  description: 'install priorities follow dependencies: storage before VMO, VMO before templates, monitoring before Portworx autopilot uses it',
  source: 'seed 002 (RA rev 1.7), install orders 10/20/30/40 of the Core and Templates layers',
  check({ plan, profiles }) {
    const out: RuleViolation[] = [];
    const p = plan.installPriorities;
    const planned: Partial<Record<Role, number>> = { loadBalancer: p.metallb, monitoring: p.monitoring, vmo: p.vmo, templates: p.templates };
    for (const d of DEPENDENCIES) {
      const before = planned[d.before];
      const after = planned[d.after];
      if (before === undefined || after === undefined || before < after) continue;
      out.push({
        location: `installPriorities.${PLAN_KEYS[d.after] ?? d.after}`,
        message:
          `install priority ${after} of ${WORDS[d.after]} is not above ${WORDS[d.before]}'s ${before}: ${d.why}; ` +
          `give ${WORDS[d.after]} a priority above ${before} (RA: ${WORDS[d.before]} ${RA_PRIORITY[d.before]}, ${WORDS[d.after]} ${RA_PRIORITY[d.after]})`,
      });
    }
    for (const profile of safeProfiles(profiles)) out.push(...checkProfile(profile));
    return out;
  },
};

function checkProfile(profile: ProfileJson): RuleViolation[] {
  const out: RuleViolation[] = [];
  const byRole = new Map<Role, PackJson[]>();
  for (const pack of profile.spec.template.packs) {
    const role = roleOf(pack);
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), pack]);
  }
  for (const d of DEPENDENCIES) {
    for (const before of byRole.get(d.before) ?? []) {
      for (const after of byRole.get(d.after) ?? []) {
        const b = effectivePriority(before);
        const a = effectivePriority(after);
        // Infrastructure layers install first, with the cluster; a priority cannot move them.
        if (b === -Infinity || a === -Infinity || b < a) continue;
        out.push({
          location: layerLocation(profile, after),
          message: `layer ${after.name} installs at ${show(a)}, not after ${before.name} (${show(b)}): ${d.why}; give ${after.name} a priority above ${b}`,
        });
      }
    }
  }
  return out;
}
