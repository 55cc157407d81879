import { parseAllDocuments } from 'yaml';
import { ProfileJson } from '../palette/cluster-profile';
import { PackJson } from '../palette/profile-layer';
import { VARIABLE_REFERENCE } from '../palette/yaml-format';
import { memoizeByText } from '../palette/text-memo';

/** A parsed YAML mapping. */
export type YamlMap = Record<string, unknown>;

export function isMap(v: unknown): v is YamlMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a key path, or undefined; never throws. */
export function pathGet(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const key of path) {
    if (!isMap(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** True when the string holds a Palette macro such as `{{.spectro.var.X}}` (resolved at deploy time). */
export function isPaletteReference(text: string): boolean {
  return new RegExp(VARIABLE_REFERENCE.source).test(text) || /\{\{\s*\.spectro\./.test(text);
}

/**
 * Every document of a YAML stream as plain data, read the way Palette reads it (YAML 1.1);
 * documents that do not parse are skipped (PAL-004 reports them). Memoized: read-only.
 */
export const parseYamlDocuments = memoizeByText(parseYamlDocumentsOnce);

function parseYamlDocumentsOnce(text: string): unknown[] {
  try {
    const docs = parseAllDocuments(text, { version: '1.1' });
    if (!Array.isArray(docs)) return [];
    // mapAsMap keeps keys that are not strings (an unquoted `{{ ... }}` macro reads as a flow map)
    // from making the yaml library print warnings; toPlain turns the Maps back into plain objects.
    return docs
      .filter((d) => d.errors.length === 0)
      .map((d) => toPlain(d.toJS({ maxAliasCount: 100, mapAsMap: true }) as unknown))
      .filter((d) => d !== null && d !== undefined);
  } catch {
    return [];
  }
}

function toPlain(v: unknown): unknown {
  if (v instanceof Map) {
    const o: YamlMap = {};
    for (const [k, x] of v) o[typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean' ? String(k) : '(complex key)'] = toPlain(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}

/** A pack's values parsed, or an empty map when they do not parse. */
export function packValues(pack: PackJson): YamlMap {
  const [doc] = parseYamlDocuments(pack.values ?? '');
  return isMap(doc) ? doc : {};
}

/** The pack's `pack.spectrocloud.com/install-priority`, or undefined when unset or not a number. */
export function installPriority(pack: PackJson): number | undefined {
  const raw = pathGet(packValues(pack), 'pack', 'spectrocloud.com/install-priority');
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function layerLocation(profile: ProfileJson, pack: PackJson): string {
  return `profile ${profile.metadata.name}, layer ${pack.name}`;
}

/** One Kubernetes object of a manifest, with where it sits. */
export interface ManifestObject {
  readonly profile: ProfileJson;
  readonly pack: PackJson;
  readonly manifest: string;
  /** `profile X, layer Y, manifest Z`. */
  readonly location: string;
  readonly object: YamlMap;
}

/** Every object of every manifest of the profiles. */
export function manifestObjects(profiles: readonly ProfileJson[]): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const profile of profiles) {
    for (const pack of profile.spec?.template?.packs ?? []) {
      for (const m of pack.manifests ?? []) {
        for (const object of parseYamlDocuments(m.content ?? '')) {
          if (isMap(object)) out.push({ profile, pack, manifest: m.name, location: `${layerLocation(profile, pack)}, manifest ${m.name}`, object });
        }
      }
    }
  }
  return out;
}

/** Every values string and manifest of the profiles, with its location. */
export function profileTexts(profiles: readonly ProfileJson[]): { text: string; location: string }[] {
  const out: { text: string; location: string }[] = [];
  for (const profile of profiles) {
    for (const pack of profile.spec?.template?.packs ?? []) {
      out.push({ text: pack.values ?? '', location: `${layerLocation(profile, pack)}, values` });
      for (const m of pack.manifests ?? []) out.push({ text: m.content ?? '', location: `${layerLocation(profile, pack)}, manifest ${m.name}` });
    }
  }
  return out;
}

/** The profiles of the model, or none when rendering them fails (the writer reports that itself). */
export function safeProfiles(profiles: () => readonly ProfileJson[]): readonly ProfileJson[] {
  try {
    return profiles() ?? [];
  } catch {
    return [];
  }
}

export function metadataName(o: unknown): string {
  const name = pathGet(o, 'metadata', 'name');
  return typeof name === 'string' ? name : '(unnamed)';
}
