import { parseAllDocuments, parse } from 'yaml';
import { Finding, PaletteApp, SiteFiles, VmoSite, VmoSiteProps } from '../../lib';

/** The RA rev 1.7 four-NIC site (seed 002 network table, data subnet as the network address it means). */
export const RA: VmoSiteProps = {
  name: 'ra',
  network: {
    layout: 'four-nic',
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
};

/** The RA site with its network changed (merged into the RA's). */
export function ra(changes: Partial<Omit<VmoSiteProps, 'network'>> & { network?: Partial<VmoSiteProps['network']> } = {}): VmoSiteProps {
  const { network, ...rest } = changes;
  return { ...RA, ...rest, network: { ...RA.network, ...network } };
}

/** A site freshly synthesized in memory: every file it writes, its book and its findings. */
export interface Synthesized {
  readonly files: SiteFiles;
  readonly book: string;
  readonly findings: readonly Finding[];
}

export function synthesize(props: VmoSiteProps): Synthesized {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const name = props.name ?? 'site';
  new VmoSite(app, name, props);
  const result = app.render();
  const files = result.sites.get(name);
  const book = files?.get('site-book.md');
  if (!files || book === undefined) throw new Error(`site ${name} wrote no site-book.md`);
  return { files, book, findings: result.findings };
}

/** The lines of one `## title` section of the book. */
export function section(book: string, title: string): string[] {
  const lines = book.split('\n');
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) throw new Error(`the book has no section '${title}'`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The cells of a Markdown table row (escaped pipes kept as `|`). */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The `index`-th table of a section, as one record per row keyed by the header. */
export function tableOf(book: string, title: string, index = 0): Record<string, string>[] {
  const lines = section(book, title);
  const tables: string[][] = [];
  let current: string[] | undefined;
  for (const l of lines) {
    const inTable = l.trimStart().startsWith('|');
    if (inTable) {
      if (!current) tables.push((current = []));
      current.push(l.trim());
    } else current = undefined;
  }
  const t = tables[index];
  if (!t) throw new Error(`section '${title}' has no table ${index}`);
  const header = cells(t[0]);
  return t.slice(2).map((row) => Object.fromEntries(cells(row).map((c, i) => [header[i], c])));
}

/** The written profile JSONs of a site, by name. */
export function profilesOf(s: Synthesized): Record<string, { spec: { template: { packs: { name: string; version: string; type: string; values: string }[] }; variables: { name: string; isSensitive: boolean }[] } }> {
  const out: Record<string, never> = {};
  for (const [path, text] of s.files) {
    const m = /^profiles\/([^/]+)\.json$/.exec(path);
    if (m) (out as Record<string, unknown>)[m[1]] = JSON.parse(text);
  }
  return out;
}

/** Every NetworkAttachmentDefinition in the written manifests: name, namespace and VLAN (undefined when untagged). */
export function writtenNads(s: Synthesized): { name: string; namespace: string; vlan?: number }[] {
  const seen = new Map<string, { name: string; namespace: string; vlan?: number }>();
  for (const [path, text] of s.files) {
    if (!path.startsWith('manifests/')) continue;
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as { kind?: string; metadata?: { name: string; namespace?: string }; spec?: { config?: string } } | null;
      if (o?.kind !== 'NetworkAttachmentDefinition' || !o.metadata) continue;
      const config = JSON.parse(o.spec?.config ?? '{}') as { vlan?: number };
      const nad = { name: o.metadata.name, namespace: o.metadata.namespace ?? 'default', ...(config.vlan !== undefined ? { vlan: config.vlan } : {}) };
      seen.set(`${nad.namespace}/${nad.name}`, nad);
    }
  }
  return [...seen.values()];
}

/** A pack's values as written in the first profile that has it, parsed. */
export function packValues(s: Synthesized, pack: string): unknown {
  for (const p of Object.values(profilesOf(s))) {
    const found = p.spec.template.packs.find((x) => x.name === pack);
    if (found) return parse(found.values, { version: '1.1' });
  }
  throw new Error(`no profile has pack ${pack}`);
}
