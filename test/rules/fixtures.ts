import { ApiObject } from 'cdk8s';
import {
  ClusterProfile, CloudType, Finding, FindingLevel, LayerRole, LayerType, ManifestChart, ManifestLayer, PackLayer, PaletteApp, PaletteSite,
  ProfileLayer, ProfileType, ProfileVariable, RenderedSite, Rule, RuleViolation, runRules, Values,
} from '../../lib/palette';
import { planSite } from '../../lib/model/site-plan';
import { vmoSiteModel } from '../../lib/model/vmo-site-model';
import { VmoSiteProps } from '../../lib/model/site-props';
import { VMO_RULES, VmoSiteModel } from '../../lib/rules';
import { VmoSite } from '../../lib/site/vmo-site';

/** The RA rev 1.7 four-NIC site with every other setting at its default (data subnet as the network address it means). */
export const RA: VmoSiteProps = {
  name: 'ra',
  network: {
    layout: 'four-nic',
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
};

/** RA "When limited on network interfaces", first table: VLANs 10 and 20 are captured by bond0, so VMs stay on 21-100. */
export const TWO_NIC: VmoSiteProps = { ...RA, network: { ...RA.network, layout: 'two-nic' } };

/** Second table: the data VLAN moves to br0.20, so VMs may use VLAN 20 (a NAD for it is allowed). */
export const TWO_NIC_VM_ON_DATA_VLAN: VmoSiteProps = {
  ...RA,
  network: { ...RA.network, layout: 'two-nic-vm-on-data-vlan' },
  vmVlans: '20-100',
  templates: { networks: [{ vlan: 20 }, { vlan: 30 }] },
};

/** The RA site with some props changed; `network` entries merge into the RA's network. */
export function props(changes: Partial<Omit<VmoSiteProps, 'network'>> & { network?: Partial<VmoSiteProps['network']> } = {}): VmoSiteProps {
  const { network, ...rest } = changes;
  return { ...RA, ...rest, network: { ...RA.network, ...network } };
}

/** A site built from the props, changed by `mutate` before it renders. */
export function site(p: VmoSiteProps = RA, mutate?: (site: VmoSite) => void): VmoSite {
  const s = new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), p.name ?? 'site', p);
  mutate?.(s);
  return s;
}

/** What the VMO rules see: the site as written, after `mutate`. */
export function model(p: VmoSiteProps = RA, mutate?: (site: VmoSite) => void): VmoSiteModel {
  const s = site(p, mutate);
  return vmoSiteModel(s.render(), s.hosts);
}

/** A model with some facts replaced: states a site cannot write, for the rules' own guards. */
export function patched(patch: (m: VmoSiteModel) => Partial<VmoSiteModel>, p: VmoSiteProps = RA): VmoSiteModel {
  const m = model(p);
  return { ...m, ...patch(m) };
}

export function check(rule: Rule<VmoSiteModel>, subject: VmoSiteProps | VmoSiteModel = RA, mutate?: (site: VmoSite) => void): RuleViolation[] {
  return rule.check('rendered' in subject ? subject : model(subject, mutate));
}

/** Every finding of every VMO rule. */
export function findings(p: VmoSiteProps = RA, mutate?: (site: VmoSite) => void): Finding[] {
  return runRules(VMO_RULES, model(p, mutate), [], 'site');
}

/** The effective level of a violation. */
export function levelOf(rule: Rule<VmoSiteModel> | Rule<RenderedSite>, v: RuleViolation): FindingLevel {
  return v.level ?? rule.level;
}

// ---- hand-built layers, rendered by the real constructs ----

/** A registry pack layer with the given values and role. */
export function packLayer(scope: PaletteSite, name: string, layer: LayerType, values: Values = {}, options: { priority?: number; role?: LayerRole } = {}): PackLayer {
  return new PackLayer(scope, `${name}-${scope.node.children.length}`, { name, version: '1.0.0', layer, values, installPriority: options.priority, role: options.role });
}

/** A manifest layer: each manifest is a chart of the given Kubernetes objects. */
export function manifestLayer(scope: PaletteSite, name: string, priority: number, manifests: Record<string, object[]>, role = LayerRole.TEMPLATES): ManifestLayer {
  const layer = new ManifestLayer(scope, `${name}-${scope.node.children.length}`, { name, installPriority: priority, role });
  for (const [manifest, objects] of Object.entries(manifests)) {
    const chart = new ManifestChart(layer, manifest);
    objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o as ConstructorParameters<typeof ApiObject>[2]));
  }
  return layer;
}

/** A plain site with one Full profile of hand-built layers (and extra declared variables), rendered. */
export function handSite(layers: (site: PaletteSite) => ProfileLayer[], variables: readonly ProfileVariable[] = [], name = 'hand'): RenderedSite {
  const s = new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), name);
  new ClusterProfile(s, 'Full', { name: 'VMO-RA-Full', type: ProfileType.FULL, cloudType: CloudType.MAAS, layers: layers(s), variables });
  return s.render();
}

/** A VMO model of hand-built layers on the RA's hosts. */
export function handModel(layers: (site: PaletteSite) => ProfileLayer[], p: VmoSiteProps = RA): VmoSiteModel {
  const plan = planSite(p);
  return vmoSiteModel(handSite(layers), { nodes: plan.nodes, network: plan.network });
}
