import { FindingLevel, ProfileJson, Rule, RuleViolation, runRules, Finding } from '../../lib/palette';
import { toYaml, toYamlStream } from '../../lib/palette/yaml-format';
import { VMO_RULES, VmoSiteModel } from '../../lib/rules';
import { planSite, SitePlan } from '../../lib/site/site-plan';
import { VmoSiteProps } from '../../lib/site/site-props';

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

/** A model from props (or a plan), with the given rendered profiles. */
export function model(site: VmoSiteProps | SitePlan = RA, profiles: readonly ProfileJson[] = []): VmoSiteModel {
  const plan = 'installPriorities' in site ? site : planSite(site);
  return { plan, profiles: () => profiles };
}

/** The RA plan changed by hand, for states planSite does not derive (tests of the rules' own guards). */
export function patchPlan(patch: (plan: SitePlan) => SitePlan, site: VmoSiteProps = RA): SitePlan {
  return patch(planSite(site));
}

export function check(rule: Rule<VmoSiteModel>, site: VmoSiteProps | SitePlan = RA, profiles: readonly ProfileJson[] = []): RuleViolation[] {
  return rule.check(model(site, profiles));
}

/** Every finding of every VMO rule. */
export function findings(site: VmoSiteProps | SitePlan = RA, profiles: readonly ProfileJson[] = []): Finding[] {
  return runRules(VMO_RULES, model(site, profiles), [], 'site');
}

/** The effective level of a violation. */
export function levelOf(rule: Rule<VmoSiteModel>, v: RuleViolation): FindingLevel {
  return v.level ?? rule.level;
}

// ---- hand-built profiles (minimal ProfileJson) ----

const EMPTY_REGISTRY = { metadata: { uid: '', name: '', kind: '', isPrivate: false } };

/** A registry pack with values. */
export function pack(name: string, layer: string, values: object = {}, installPriority?: number): ProfileJson['spec']['template']['packs'][number] {
  const withPriority = installPriority === undefined ? values : { ...values, pack: { 'spectrocloud.com/install-priority': String(installPriority) } };
  return { name, type: 'spectro', layer, version: '1.0.0', tag: '1.0.0', values: toYaml(withPriority), registry: EMPTY_REGISTRY };
}

/** A manifest layer: each manifest is a list of Kubernetes objects. */
export function manifestPack(name: string, installPriority: number, manifests: Record<string, object[]>): ProfileJson['spec']['template']['packs'][number] {
  return {
    name,
    type: 'manifest',
    layer: 'addon',
    version: '1.0.0',
    tag: '1.0.0',
    values: toYaml({ pack: { 'spectrocloud.com/install-priority': String(installPriority) } }),
    registry: EMPTY_REGISTRY,
    manifests: Object.entries(manifests).map(([n, objects]) => ({ name: n, content: toYamlStream(objects) })),
  };
}

/** A profile holding the packs (type and cloud type do not matter to the VMO rules). */
export function profile(name: string, packs: ProfileJson['spec']['template']['packs'], variables: ProfileJson['spec']['variables'] = []): ProfileJson {
  return { metadata: { name, description: '', labels: {} }, spec: { version: '1.0.0', template: { type: 'add-on', cloudType: 'all', packs }, variables } };
}
