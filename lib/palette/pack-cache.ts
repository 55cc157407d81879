import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { textHash } from '../common/text-hash';
import type { PackPreset } from './pack-preset';
import { PrintedSubtree, printedSubtreesOf, printerStamp } from './printed-subtrees';
import { outputDocument } from './yaml-format';

/*
 * The built-in pack catalog, parsed ahead of time. Parsing Cilium's 37 KB of defaults and
 * Portworx's 23 KB of presets is most of what a one-site `palette-vmo validate` does before
 * it renders anything; `npm run build` stores each parsed file as JSON (the YAML nodes with
 * their formatting), and the catalog rebuilds the nodes from it, which is about twenty times
 * faster. An entry is used only when it was made from exactly the same text (SHA-256) by the
 * same version of the yaml package, and is written only when the rebuilt document prints
 * exactly as the parsed one: a cache can be missing, never wrong.
 */

/** One cached file: the hash of the text it was made from, and the parsed result. */
interface CacheEntry {
  readonly sha256: string;
  readonly yaml: string;
  readonly nodes?: NodeJson | null;
  readonly commentBefore?: string | null;
  readonly comment?: string | null;
  readonly presets?: readonly PackPreset[];
  /** The large parts of the values printed ahead of time (printed-subtrees.ts), and by which printer. */
  readonly printed?: readonly PrintedSubtree[];
  readonly printer?: string;
}

type NodeJson =
  | { readonly t: 'scalar'; readonly v: unknown; readonly p: Record<string, unknown> }
  | { readonly t: 'map' | 'seq'; readonly items: readonly unknown[]; readonly p: Record<string, unknown> }
  | { readonly t: 'pair'; readonly k: NodeJson | null; readonly v: NodeJson | null }
  | { readonly t: 'alias'; readonly p: Record<string, unknown> };

const YAML_VERSION = (require('yaml/package.json') as { version: string }).version;

/** The folder of the built-in catalog's cache: build/pack-cache beside the compiled library. */
export function builtInPackCacheFolder(packageRoot: string): string {
  return join(packageRoot, 'build', 'pack-cache');
}

/** Reads a cache entry for a text, or undefined when there is none for exactly this text. */
function readEntry(file: string, text: string): CacheEntry | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
    return entry.yaml === YAML_VERSION && entry.sha256 === textHash(text) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The document a cache entry holds for `text`, built on `empty` (a document parsed from an empty
 * text with the options the text is parsed with), and the parts of it printed ahead of time
 * (undefined when there are none by this printer); or undefined when there is no entry for it.
 */
export function cachedDocument(file: string, text: string, empty: Document): { readonly doc: Document; readonly printed?: readonly PrintedSubtree[] } | undefined {
  const entry = readEntry(file, text);
  if (!entry || entry.nodes === undefined) return undefined;
  const doc = cachedDocumentFrom(entry, empty);
  return entry.printed !== undefined && entry.printer === printerStamp() ? { doc, printed: entry.printed } : { doc };
}

/** The presets a cache entry holds for `text`, or undefined. */
export function cachedPresets(file: string, text: string): PackPreset[] | undefined {
  const presets = readEntry(file, text)?.presets;
  return presets ? [...presets] : undefined;
}

/** Stores a parsed document for `text`; false (nothing written) when the document cannot be rebuilt exactly from JSON. */
export function writeCachedDocument(file: string, text: string, doc: Document, empty: Document): boolean {
  let nodes: NodeJson | null;
  try {
    nodes = doc.contents === null ? null : toJson(doc.contents);
  } catch {
    return false;
  }
  const entry: CacheEntry = { sha256: textHash(text), yaml: YAML_VERSION, nodes, commentBefore: doc.commentBefore ?? null, comment: doc.comment ?? null };
  const json = JSON.stringify(entry);
  const rebuilt = cachedDocumentFrom(JSON.parse(json) as CacheEntry, empty);
  const same = (a: Document, b: Document) =>
    a.toString({ lineWidth: 0, minContentWidth: 0 }) === b.toString({ lineWidth: 0, minContentWidth: 0 }) && JSON.stringify(a.toJS()) === JSON.stringify(b.toJS());
  if (!same(doc, rebuilt)) return false;
  const printed = printedSubtreesOf(outputDocument(rebuilt));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...entry, printed, printer: printerStamp() }));
  return true;
}

/** Stores parsed presets for `text`; false when they do not survive JSON exactly. */
export function writeCachedPresets(file: string, text: string, presets: readonly PackPreset[]): boolean {
  const json = JSON.stringify({ sha256: textHash(text), yaml: YAML_VERSION, presets });
  if (JSON.stringify((JSON.parse(json) as CacheEntry).presets) !== JSON.stringify(presets) || !isJsonSafe(presets)) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  return true;
}

function cachedDocumentFrom(entry: CacheEntry, empty: Document): Document {
  empty.contents = entry.nodes ? (fromJson(entry.nodes, empty) as Document['contents']) : null;
  empty.commentBefore = entry.commentBefore ?? null;
  empty.comment = entry.comment ?? null;
  return empty;
}

/** The file names of a catalog version's cache entries. */
export function cacheFiles(cacheFolder: string, name: string, version: string): { values: string; presets: string } {
  return { values: join(cacheFolder, name, version, 'values.json'), presets: join(cacheFolder, name, version, 'presets.json') };
}

/** Every `<pack>/<version>` folder of a catalog folder. */
export function catalogVersions(root: string): { name: string; version: string; folder: string }[] {
  const out: { name: string; version: string; folder: string }[] = [];
  for (const name of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const version of readdirSync(join(root, name), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      out.push({ name, version, folder: join(root, name, version) });
    }
  }
  return out;
}

// ---- nodes as JSON ----

/** Node properties the printer and the tools read; `range` and source tokens are positions in a text this copy does not have. */
const SKIPPED = new Set(['items', 'value', 'key', 'range', 'srcToken']);

function props(node: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (SKIPPED.has(k) || v === undefined) continue;
    if (!isJsonSafe(v)) throw new Error(`node property ${k} does not survive JSON`);
    out[k] = v;
  }
  return out;
}

function toJson(node: unknown): NodeJson | null {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    if (!isJsonSafe(node.value)) throw new Error('scalar value does not survive JSON');
    return { t: 'scalar', v: node.value, p: props(node) };
  }
  if (isPair(node)) return { t: 'pair', k: toJson(node.key), v: toJson(node.value) };
  if ((isMap(node) && node.constructor === YAMLMap) || (isSeq(node) && node.constructor === YAMLSeq)) {
    return { t: isMap(node) ? 'map' : 'seq', items: node.items.map((i) => toJson(i)), p: props(node) };
  }
  if (isAlias(node)) return { t: 'alias', p: props(node) };
  throw new Error('a node kind the cache does not hold (a YAML 1.1 set, omap or pairs)');
}

function fromJson(json: NodeJson | null, doc: Document): unknown {
  if (json === null) return null;
  switch (json.t) {
    case 'scalar':
      return Object.assign(new Scalar(json.v), json.p);
    case 'pair':
      return new Pair(fromJson(json.k, doc), fromJson(json.v, doc));
    case 'map':
      return Object.assign(new YAMLMap(doc.schema), json.p, { items: json.items.map((i) => fromJson(i as NodeJson, doc)) });
    case 'seq':
      return Object.assign(new YAMLSeq(doc.schema), json.p, { items: json.items.map((i) => fromJson(i as NodeJson, doc)) });
    case 'alias':
      return Object.assign(new Alias(String(json.p.source)), json.p);
  }
}

/** Strings, finite numbers, booleans, null, and arrays and plain objects of them: what JSON keeps as it is. */
function isJsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(isJsonSafe);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(isJsonSafe);
  return false;
}
