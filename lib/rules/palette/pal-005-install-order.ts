import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { LayerRole } from '../../palette/layer-role';
import { installPriority } from '../../model/vmo-site-model';
import { VmoSiteModel } from '../site-model';

/** What must install before what, and why (seed 002 install orders: MetalLB 10, Prometheus 20, VMO 30, Templates 40). */
const DEPENDENCIES: readonly { before: LayerRole; after: LayerRole; why: string }[] = [
  { before: LayerRole.CSI, after: LayerRole.VMO, why: "VMO's snapshot class and VM state volumes need the storage class" },
  { before: LayerRole.LOAD_BALANCER, after: LayerRole.VMO, why: "VMO's dashboard (direct access) and the KubeVirt and CDI services are LoadBalancer services MetalLB serves" },
  { before: LayerRole.MONITORING, after: LayerRole.VMO, why: "VMO's KubeVirt monitoring registers with the Prometheus operator in namespace monitoring" },
  { before: LayerRole.VMO, after: LayerRole.TEMPLATES, why: 'the templates create KubeVirt and CDI objects (StorageProfile, DataVolumes, VM preferences and templates) whose CRDs VMO installs' },
  { before: LayerRole.MONITORING, after: LayerRole.CSI, why: 'Portworx autopilot reads its metrics from Prometheus' },
];

const show = (p: number) => (p === -Infinity ? 'the infrastructure stage' : `priority ${p}`);

/**
 * PAL-005: add-on install priorities follow the dependencies: storage before VMO, VMO before
 * the templates, monitoring before VMO and before the storage layer when it is an add-on.
 * Checked within each profile as written (equal priorities install together, so a dependency
 * needs a strictly lower number); infrastructure layers install with the cluster, first.
 */
export const PAL_005: Rule<VmoSiteModel> = {
  id: 'PAL-005',
  level: FindingLevel.WARNING,
  description: 'install priorities follow dependencies: storage before VMO, VMO before templates, monitoring before Portworx autopilot uses it',
  source: 'seed 002 (RA rev 1.7), install orders 10/20/30/40 of the Core and Templates layers',
  check(site) {
    const out: RuleViolation[] = [];
    const seen = new Set<string>();
    for (const profile of site.rendered.profiles) {
      for (const d of DEPENDENCIES) {
        for (const before of profile.layers.filter((l) => l.role === d.before)) {
          for (const after of profile.layers.filter((l) => l.role === d.after)) {
            const b = installPriority(before);
            const a = installPriority(after);
            if (b === -Infinity || a === -Infinity || b < a) continue;
            const message = `layer ${after.pack.name} installs at ${show(a)}, not after ${before.pack.name} (${show(b)}): ${d.why}; give ${after.pack.name} a priority above ${b}`;
            const location = `profile ${profile.json.metadata.name}, layer ${after.pack.name}`;
            if (seen.has(message)) continue;
            seen.add(message);
            out.push({ location, message });
          }
        }
      }
    }
    return out;
  },
};
