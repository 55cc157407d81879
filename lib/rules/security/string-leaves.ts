import { ProfileJson } from '../../palette/cluster-profile';
import { isMap, parseYamlDocuments, profileTexts } from '../profile-scan';

/** One string value somewhere in the output, with the key path that leads to it. */
export interface StringLeaf {
  /** `profile X, layer Y, values` or `..., manifest Z`. */
  readonly location: string;
  /** Dotted key path inside that text, e.g. `charts.kube-prometheus-stack.grafana.adminPassword`. */
  readonly path: string;
  /** The key holding the value (the last non-index path element). */
  readonly key: string;
  /** The key above it, e.g. `saas` for `license.saas.key`. */
  readonly parentKey?: string;
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

function walk(v: unknown, path: string[], keys: string[], location: string, out: StringLeaf[], depth: number): void {
  if (typeof v === 'string') {
    const key = keys[keys.length - 1] ?? '';
    const parentKey = keys[keys.length - 2];
    out.push({ location, path: path.join('.').replace(/\.\[/g, '['), key, ...(parentKey !== undefined ? { parentKey } : {}), value: v });
    if (depth < MAX_DEPTH && looksStructured(v)) {
      for (const doc of parseYamlDocuments(v)) if (typeof doc === 'object') walk(doc, path, keys, location, out, depth + 1);
    }
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, [...path, `[${i}]`], keys, location, out, depth));
    return;
  }
  if (!isMap(v)) return;
  // Secret data is base64: decode it so a secret cannot hide in the encoding (the RA's px-pure-secret sample).
  if (v.kind === 'Secret' && isMap(v.data)) {
    for (const [k, b64] of Object.entries(v.data)) {
      const decoded = decodeSecretData(b64);
      if (decoded !== undefined) walk(decoded, [...path, 'data', `${k} (base64-decoded)`], [...keys, 'data', k], location, out, depth + 1);
    }
  }
  for (const [k, x] of Object.entries(v)) walk(x, [...path, k], [...keys, k], location, out, depth);
}

/** Every string value in every values text and manifest of the profiles, embedded YAML/JSON and Secret data included. */
export function stringLeaves(profiles: readonly ProfileJson[]): StringLeaf[] {
  const out: StringLeaf[] = [];
  for (const { text, location } of profileTexts(profiles)) {
    const docs = parseYamlDocuments(text);
    if (!docs.length && text.trim()) walk(text, [], [], location, out, 0);
    for (const doc of docs) walk(doc, [], [], location, out, 0);
  }
  return out;
}
