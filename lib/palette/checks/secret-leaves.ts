import { isYamlMap, parseYamlDocuments, RenderedSite } from '../rendered';
import { LruCache, memoizeByText } from '../text-memo';

/** One scalar value somewhere in a written text, with the key path that leads to it. */
export interface SecretLeaf {
  /** Dotted key path inside the text, e.g. `charts.kube-prometheus-stack.grafana.adminPassword`. */
  readonly path: string;
  /** The key holding the value (the last non-index path element). */
  readonly key: string;
  /** The key above it, e.g. `saas` for `license.saas.key`. */
  readonly parentKey?: string;
  /** The map holding the value, for pairs such as `{name: PX_ACTIVATION_ID, value: ...}`. */
  readonly holder?: Record<string, unknown>;
  /** The value as text; numbers and booleans included (a numeric secret is still a secret). */
  readonly value: string;
}

/** One text a site writes, a layer's values or one of its manifests, with its data parsed. */
export interface WrittenText {
  /** `profile X, layer Y, values` or `..., manifest Z`. */
  readonly location: string;
  /** The text as written: the same text always holds the same data. */
  readonly text: string;
  /** The values, or the manifest's objects. */
  readonly data: readonly unknown[];
}

const MAX_DEPTH = 6;
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

/** Decodes Kubernetes Secret `data` (base64) to text, or undefined when it is not base64 of printable text. */
export function decodeSecretData(v: unknown): string | undefined {
  if (typeof v !== 'string' || !v.trim() || !BASE64.test(v.trim())) return undefined;
  const text = Buffer.from(v.trim(), 'base64').toString('utf8');
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text) ? undefined : text;
}

/** A whole `{{ .spectro.var.x }}` reference (every secret's value): it starts like a flow map but holds nothing to parse. */
const REFERENCE_ONLY = /^\{\{[^{}]*\}\}$/;

function looksStructured(s: string): boolean {
  const t = s.trim();
  if (REFERENCE_ONLY.test(t)) return false;
  return t.startsWith('{') || t.startsWith('[') || (t.includes('\n') && /^\s*[\w"'.-]+\s*:/m.test(t));
}

/** Embedded YAML/JSON (cloud-init, pure.json) recurs across sites: parsed once per text. Read-only. */
const parseEmbedded = memoizeByText(parseYamlDocuments);

/** A path as a chain from the leaf up: each step shares the steps above it (the walk copies no arrays). */
interface PathStep {
  readonly up: PathStep | undefined;
  /** A key, or `[i]` for a list index. */
  readonly segment: string;
}

/** A leaf whose dotted path is written only when a check asks for it (most are never reported). */
class Leaf implements SecretLeaf {
  private text?: string;

  constructor(
    private readonly at: PathStep | undefined,
    public readonly key: string,
    public readonly parentKey: string | undefined,
    public readonly holder: Record<string, unknown> | undefined,
    public readonly value: string,
  ) {}

  public get path(): string {
    if (this.text === undefined) {
      const segments: string[] = [];
      for (let s = this.at; s; s = s.up) segments.push(s.segment);
      this.text = segments.reverse().join('.').replace(/\.\[/g, '[');
    }
    return this.text;
  }
}

/** Where the walk is: the path, the last two keys (list indexes are not keys), the map holding the value. */
interface WalkPlace {
  readonly at: PathStep | undefined;
  readonly key: string | undefined;
  readonly parentKey: string | undefined;
  readonly holder: Record<string, unknown> | undefined;
}

function walk(out: SecretLeaf[], v: unknown, place: WalkPlace, depth: number): void {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    out.push(new Leaf(place.at, place.key ?? '', place.parentKey, place.holder, String(v)));
    if (typeof v === 'string' && depth < MAX_DEPTH && looksStructured(v)) {
      for (const doc of parseEmbedded(v)) if (typeof doc === 'object') walk(out, doc, { ...place, holder: undefined }, depth + 1);
    }
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) walk(out, v[i], { ...place, at: { up: place.at, segment: `[${i}]` } }, depth);
    return;
  }
  if (!isYamlMap(v)) return;
  // Secret data is base64: decode it so a secret cannot hide in the encoding (the RA's px-pure-secret sample).
  if (v.kind === 'Secret' && isYamlMap(v.data)) {
    const data: PathStep = { up: place.at, segment: 'data' };
    for (const [k, b64] of Object.entries(v.data)) {
      const decoded = decodeSecretData(b64);
      if (decoded !== undefined) walk(out, decoded, { at: { up: data, segment: `${k} (base64-decoded)` }, key: k, parentKey: 'data', holder: undefined }, depth + 1);
    }
  }
  for (const k in v) walk(out, v[k], { at: { up: place.at, segment: k }, key: k, parentKey: place.key, holder: v }, depth);
}

const TOP: WalkPlace = { at: undefined, key: undefined, parentKey: undefined, holder: undefined };

/** Every scalar of the data (a text's values or objects), embedded YAML/JSON and Secret data included. */
export function secretLeaves(data: readonly unknown[]): SecretLeaf[] {
  const out: SecretLeaf[] = [];
  for (const d of data) walk(out, d, TOP, 0);
  return out;
}

/** Every text of the site once (a layer shared by profiles once), in profile and layer order. */
export function writtenTexts(site: RenderedSite): WrittenText[] {
  const out: WrittenText[] = [];
  for (const layer of site.layers) {
    out.push({ location: site.locate(layer, 'values'), text: layer.pack.values, data: [layer.values] });
    for (const m of layer.pack.manifests ?? []) {
      out.push({ location: site.locate(layer, `manifest ${m.name}`), text: m.content, data: layer.objects.filter((o) => o.manifest === m.name).map((o) => o.object) });
    }
  }
  return out;
}

/** The leaves of the texts seen last, so the checks that miss on one text walk it once between them. */
const leavesCache = new LruCache<string, SecretLeaf[]>(16);

/**
 * A check of one text's leaves, run once per distinct text: most layers of a fleet's sites
 * write the same text (Cilium's 37 KB of values), so their secrets are scanned once. The
 * results are shared: callers must not change them.
 */
export function perText<T>(check: (leaves: readonly SecretLeaf[]) => T[], maxEntries = 256): (text: WrittenText) => readonly T[] {
  const cache = new LruCache<string, T[]>(maxEntries);
  return ({ text, data }) => cache.getOrSet(text, () => check(leavesCache.getOrSet(text, () => secretLeaves(data))));
}
