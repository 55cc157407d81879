import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative } from 'path';
import { parseAllDocuments } from 'yaml';
import { addTargets, expandTargets } from '../../lib/cli/targets';
import { PaletteApp } from '../../lib/palette/palette-app';

/**
 * Walks a synthesized output folder (`dist/<site>/profiles/*.json`) and hands out what a
 * Palette import consumes: each profile JSON, each pack's values string and each manifest
 * document, with a `where` string naming it for error messages.
 */

export const REPO_ROOT = join(__dirname, '..', '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');

export interface DistManifest {
  /** e.g. `dist/site/profiles/p.json packs[1] vmo-networking manifest nad-vlan-30` */
  readonly where: string;
  readonly name: string;
  readonly content: string;
}

export interface DistPack {
  readonly where: string;
  readonly name: string;
  /** undefined when the pack has no string `values` (the schema reports that). */
  readonly values?: string;
  readonly manifests: readonly DistManifest[];
}

export interface DistProfile {
  readonly site: string;
  /** Path from the output folder's parent, e.g. `dist/example-minimal/profiles/example-minimal.json`. */
  readonly where: string;
  /** The parsed JSON; undefined when the file does not parse (see parseError). */
  readonly json: unknown;
  readonly parseError?: string;
  readonly packs: readonly DistPack[];
}

export interface DistSite {
  readonly name: string;
  readonly dir: string;
  readonly profiles: readonly DistProfile[];
}

/** The site folders of an output folder: its sub-folders, less dot-folders (atomic-write leftovers). */
export function listSites(distDir: string = DIST_DIR): string[] {
  if (!existsSync(distDir)) return [];
  return readdirSync(distDir)
    .filter((f) => !f.startsWith('.') && statSync(join(distDir, f)).isDirectory())
    .sort();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function packsOf(json: unknown, where: string): DistPack[] {
  const packs = isRecord(json) && isRecord(json.spec) && isRecord(json.spec.template) ? json.spec.template.packs : undefined;
  if (!Array.isArray(packs)) return [];
  return packs.map((p: unknown, i) => {
    const pack = isRecord(p) ? p : {};
    const name = typeof pack.name === 'string' ? pack.name : `#${i}`;
    const packWhere = `${where} packs[${i}] ${name}`;
    const manifests = Array.isArray(pack.manifests) ? pack.manifests : [];
    return {
      where: packWhere,
      name,
      values: typeof pack.values === 'string' ? pack.values : undefined,
      manifests: manifests.filter(isRecord).map((m, j) => {
        const mName = typeof m.name === 'string' ? m.name : `#${j}`;
        return { where: `${packWhere} manifest ${mName}`, name: mName, content: typeof m.content === 'string' ? m.content : '' };
      }),
    };
  });
}

/** One site folder: every `profiles/*.json`, parsed, with its packs. */
export function readSite(site: string, distDir: string = DIST_DIR): DistSite {
  const dir = join(distDir, site);
  const profilesDir = join(dir, 'profiles');
  const files = existsSync(profilesDir) ? readdirSync(profilesDir).filter((f) => f.endsWith('.json')).sort() : [];
  const profiles = files.map((f): DistProfile => {
    const path = join(profilesDir, f);
    const where = relative(dirname(distDir), path);
    try {
      const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return { site, where, json, packs: packsOf(json, where) };
    } catch (e) {
      return { site, where, json: undefined, parseError: (e as Error).message, packs: [] };
    }
  });
  return { name: site, dir, profiles };
}

/** Every site of an output folder. */
export function readDist(distDir: string = DIST_DIR): DistSite[] {
  return listSites(distDir).map((s) => readSite(s, distDir));
}

export interface YamlDocument {
  /** 0-based position in the stream, counting empty documents. */
  readonly index: number;
  /** The value as YAML 1.2 reads it; null for an empty document. */
  readonly value: unknown;
}

export interface ParsedYaml {
  /** The documents that parsed without error. */
  readonly documents: readonly YamlDocument[];
  /** `document N: message` lines; [] when every document is clean. */
  readonly errors: readonly string[];
}

// YAML 1.1 as Go's yaml.v2 (Helm, sigs.k8s.io/yaml) reads it into interface{}: timestamps stay strings.
const yaml11Tags = <T>(tags: T[]): T[] => tags.filter((t) => (t as { tag?: string }).tag !== 'tag:yaml.org,2002:timestamp');

/** The first path at which two plain values differ, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (a === b) return undefined;
  if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], path === '' ? k : `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return `${path === '' ? '(root)' : path}: YAML 1.2 reads ${JSON.stringify(a)}, YAML 1.1 reads ${JSON.stringify(b)}; quote it`;
}

/**
 * Parses a YAML stream strictly, as Palette needs it (palette-profile-format.md §2.6): no
 * syntax error, no duplicate key, no warning, and the same value under YAML 1.2 and YAML 1.1
 * (an unquoted `on`, `0755` or `02:00:00:00:00:10` means different things to the two).
 */
export function parseStrictYaml(text: string): ParsedYaml {
  const documents: YamlDocument[] = [];
  const errors: string[] = [];
  // logLevel error: a typed reference written unquoted ({{.spectro.var.x}}) reads as a map with a map key before
  // Palette substitutes it, and yaml would warn on stderr for each one when making plain objects of it.
  const strict = parseAllDocuments(text, { uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'error' });
  const loose11 = parseAllDocuments(text, { version: '1.1', customTags: yaml11Tags, prettyErrors: false, logLevel: 'error' });
  const docs = Array.isArray(strict) ? strict : [];
  const docs11 = Array.isArray(loose11) ? loose11 : [];
  docs.forEach((doc, index) => {
    const problems = [...doc.errors, ...doc.warnings].map((e) => e.message.split('\n')[0]);
    if (problems.length > 0) {
      for (const p of problems) errors.push(`document ${index}: ${p}`);
      return;
    }
    const value: unknown = doc.toJS();
    const other = docs11[index] !== undefined && docs11[index].errors.length === 0 ? (docs11[index].toJS() as unknown) : value;
    const diff = firstDifference(value, other);
    if (diff !== undefined) errors.push(`document ${index}: ${diff}`);
    documents.push({ index, value });
  });
  return { documents, errors };
}

/** The non-empty documents of a manifest, each with a `where` naming it. */
export function manifestObjects(manifest: DistManifest): { where: string; value: unknown }[] {
  return parseStrictYaml(manifest.content)
    .documents.filter((d) => d.value !== null && d.value !== undefined)
    .map((d) => ({ where: `${manifest.where} document ${d.index}`, value: d.value }));
}

/**
 * Synthesizes every reference site (apps/ and sites/) afresh into `outdir`, as `npm run synth`
 * does, so the quality tests check what the code writes now; CI's dist/ diff is the check that
 * the committed copy is current.
 */
export function synthesizeReferenceSites(outdir: string): string {
  const app = new PaletteApp({ outdir });
  addTargets(app, expandTargets([join(REPO_ROOT, 'apps'), join(REPO_ROOT, 'sites')]));
  app.synth({ quiet: true });
  return outdir;
}
