import { installPriority } from '../../model/vmo-site-model';
import { RenderedLayer, RenderedProfile } from '../../palette/rendered';
import { BookSection } from '../book-section';
import { code, codeBlock, table } from '../markdown';
import { edge, flowchart, label, node, NodeIds, subgraph } from '../mermaid';

/** The profiles a site imports, Infra (or Full) first: the order of `deploymentProfiles`. */
export function isSplit(profiles: readonly RenderedProfile[]): boolean {
  return profiles.some((p) => p.json.spec.template.type === 'infra');
}

/**
 * The profiles a cluster is built from, in import order: the Infra profile and the add-on
 * profiles when the site writes the RA's split, else the Full profile (seed 002: the
 * profiles "can then be imported one by one"; README: "Import the Infra profile before the
 * add-on profiles").
 */
export function deploymentProfiles(profiles: readonly RenderedProfile[]): RenderedProfile[] {
  const rank = (p: RenderedProfile) => ({ infra: 0, cluster: 1, 'add-on': 2 })[p.json.spec.template.type] ?? 3;
  const used = isSplit(profiles) ? profiles.filter((p) => p.json.spec.template.type !== 'cluster') : profiles;
  return [...used].sort((a, b) => rank(a) - rank(b));
}

/** A layer's install order in words: infrastructure layers install with the cluster. */
export function priorityText(layer: RenderedLayer): string {
  const p = installPriority(layer);
  return p === -Infinity ? 'with the cluster' : String(p);
}

/** The registry a pack comes from; manifest layers live in the profile itself. */
function registryText(layer: RenderedLayer): string {
  const r = layer.pack.registry.metadata;
  return layer.pack.type === 'manifest' || r.name === '' ? 'in the profile (manifests)' : `${r.name} (${r.kind}, uid ${r.uid})`;
}

/** (c) the profile stack: each profile the cluster is built from, its layers in stack order, add-ons with their install priority. */
export function profileStackDiagram(profiles: readonly RenderedProfile[]): string[] {
  const shown = deploymentProfiles(profiles);
  const statements: string[] = [];
  const profileIds = new NodeIds('profile');
  const layerIds = new NodeIds('layer');
  for (const p of shown) {
    const name = p.json.metadata.name;
    const ids = p.layers.map((l) => layerIds.of(`${name}/${l.pack.name}`));
    const nodes = p.layers.map((l, i) =>
      node(ids[i], label(l.pack.name, `${l.pack.version}, ${l.pack.layer}${l.pack.layer === 'addon' ? `, priority ${priorityText(l)}` : ''}`)),
    );
    const chain = ids.slice(1).map((id, i) => edge(ids[i], id));
    statements.push(...subgraph(profileIds.of(name), `${name} ${p.json.spec.version} (${p.json.spec.template.type})`, [...nodes, ...chain], 'TB'));
  }
  statements.push(...shown.slice(1).map((p, i) => edge(profileIds.of(shown[i].json.metadata.name), profileIds.of(p.json.metadata.name), 'then')));
  return codeBlock('mermaid', flowchart('LR', statements));
}

/** Header material: each profile, each pack with its version and registry, and the profile stack. */
export const PROFILES: BookSection = {
  title: 'Profiles and packs',
  render({ model }) {
    const rendered = model.rendered;
    if (!rendered.profiles.length) return undefined;
    const profiles = table(
      ['Profile', 'Version', 'Type', 'Cloud type', 'Layers', 'Import file'],
      rendered.profiles.map((p) => [
        p.json.metadata.name,
        p.json.spec.version,
        p.json.spec.template.type,
        p.json.spec.template.cloudType,
        p.layers.length,
        code(`profiles/${p.json.metadata.name}.json`),
      ]),
    );
    const packs = table(
      ['Pack', 'Version', 'Type', 'Layer', 'Install priority', 'Registry', 'Profiles'],
      rendered.layers.map((l) => [l.pack.name, l.pack.version, l.pack.type, l.pack.layer, priorityText(l), registryText(l), rendered.profilesOf(l).join(', ')]),
    );
    const split = isSplit(rendered.profiles);
    const full = rendered.profiles.some((p) => p.json.spec.template.type === 'cluster');
    const note =
      split && full
        ? 'The site writes the Full profile and the RA\'s split profiles; the diagram shows the split, the Full profile stacks the same layers in the same order.'
        : split
          ? 'The RA\'s split profiles: the Infra profile builds the cluster, the add-on profiles install on it in priority order.'
          : 'One Full profile: infrastructure layers first, then the add-ons in priority order.';
    return [...profiles, '', ...packs, '', `Profile stack. ${note}`, '', ...profileStackDiagram(rendered.profiles)];
  },
};
