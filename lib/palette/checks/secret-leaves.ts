import { isYamlMap, parseYamlDocuments, RenderedSite } from '../rendered';

/** One scalar value somewhere in the output, with the key path that leads to it. */
export interface SecretLeaf {
  /** `profile X, layer Y, values` or `..., manifest Z`. */
  readonly location: string;
  /** Dotted key path inside that text, e.g. `charts.kube-prometheus-stack.grafana.adminPassword`. */
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

const MAX_DEPTH = 6;
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

/** Decodes Kubernetes Secret `data` (base64) to text, or undefined when it is not base64 of printable text. */
export function decodeSecretData(v: unknown): string | undefined {
  if (typeof v !== 'string' || !v.trim() || !BASE64.test(v.trim())) return undefined;
  const text = Buffer.from(v.trim(), 'base64').toString('utf8');
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text) ? undefined : text;
}

function looksStructured(s: string): boolean {
  const t = s.trim();
  return t.startsWith('{') || t.startsWith('[') || (t.includes('\n') && /^\s*[\w"'.-]+\s*:/m.test(t));
}

interface Walk {
  readonly location: string;
  readonly out: SecretLeaf[];
}

function walk(w: Walk, v: unknown, path: string[], keys: string[], holder: Record<string, unknown> | undefined, depth: number): void {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    const key = keys[keys.length - 1] ?? '';
    const parentKey = keys[keys.length - 2];
    w.out.push({
      location: w.location,
      path: path.join('.').replace(/\.\[/g, '['),
      key,
      ...(parentKey !== undefined ? { parentKey } : {}),
      ...(holder ? { holder } : {}),
      value: String(v),
    });
    if (typeof v === 'string' && depth < MAX_DEPTH && looksStructured(v)) {
      for (const doc of parseYamlDocuments(v)) if (typeof doc === 'object') walk(w, doc, path, keys, undefined, depth + 1);
    }
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(w, x, [...path, `[${i}]`], keys, holder, depth));
    return;
  }
  if (!isYamlMap(v)) return;
  // Secret data is base64: decode it so a secret cannot hide in the encoding (the RA's px-pure-secret sample).
  if (v.kind === 'Secret' && isYamlMap(v.data)) {
    for (const [k, b64] of Object.entries(v.data)) {
      const decoded = decodeSecretData(b64);
      if (decoded !== undefined) walk(w, decoded, [...path, 'data', `${k} (base64-decoded)`], [...keys, 'data', k], undefined, depth + 1);
    }
  }
  for (const [k, x] of Object.entries(v)) walk(w, x, [...path, k], [...keys, k], v, depth);
}

/** Every scalar in every layer's values and objects of the site, embedded YAML/JSON and Secret data included. */
export function secretLeaves(site: RenderedSite): SecretLeaf[] {
  const out: SecretLeaf[] = [];
  for (const layer of site.layers) {
    walk({ location: site.locate(layer, 'values'), out }, layer.values, [], [], undefined, 0);
    for (const o of layer.objects) walk({ location: site.locate(layer, `manifest ${o.manifest}`), out }, o.object, [], [], undefined, 0);
  }
  return out;
}
