import { parseAllDocuments } from 'yaml';
import { PRESET_HEADER_PREFIX } from '../palette/pack-preset';
import { ClusterProfileImportEntity, PackImportEntity, VariableImportEntity } from './import-entity';
import { isRecord, stringAt, recordAt } from './json-shape';

/**
 * How values and manifests are compared. `DATA` (the default) parses the YAML and compares
 * the data plus the enabled-presets header, because real exports re-quote scalars
 * (palette-api.md §6.6, `apiVersion: "k8s.cni.cncf.io/v1"`) and the same profile must compare
 * equal after a round trip. `TEXT` compares the stripped text (§6.6's plain mode).
 */
export class ContentComparison {
  public static readonly DATA = new ContentComparison('data');
  public static readonly TEXT = new ContentComparison('text');

  private constructor(public readonly value: 'data' | 'text') {}
}

export interface NormaliseOptions {
  /** Compare registry uids too (`--strict-registry`); uids differ per environment. @default false */
  readonly strictRegistry?: boolean;
  /** @default ContentComparison.DATA */
  readonly content?: ContentComparison;
}

/** A profile reduced to what must match between a file and its export (palette-api.md §6.6). */
export interface NormalisedProfile {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  /** Compared as a map: keys sorted. */
  readonly labels: Record<string, string>;
  readonly type: string;
  readonly cloudType: string;
  /** Pack names in stack order; packs themselves are keyed by name. */
  readonly layerOrder: string[];
  readonly packs: Record<string, NormalisedPack>;
  /** Keyed by name; `order` dropped. */
  readonly variables: Record<string, NormalisedVariable>;
}

export interface NormalisedPack {
  readonly type: string;
  readonly layer: string;
  readonly version: string;
  readonly tag: string;
  /** `{name, kind}`, plus `uid` with strictRegistry. */
  readonly registry: Record<string, string>;
  /** From the `# spectrocloud.com/enabled-presets:` first line of values. */
  readonly enabledPresets: string[];
  /** Parsed YAML data (DATA), or the stripped text (TEXT, or YAML that does not parse). */
  readonly values: unknown;
  readonly manifestOrder: string[];
  readonly manifests: Record<string, unknown>;
}

export interface NormalisedVariable {
  readonly displayName?: string;
  readonly description: string;
  readonly format?: string;
  /** Absent for `""`; the MASKED marker for an all-asterisk sensitive default. */
  readonly defaultValue?: string;
  readonly regex?: string;
  readonly required: boolean;
  readonly immutable: boolean;
  readonly hidden: boolean;
  readonly isSensitive: boolean;
  readonly inputType: string;
  readonly options?: { value: string; label: string; description?: string; default: boolean }[];
}

/** What a masked sensitive default normalises to (never compared, see normaliseProfilePair). */
export const MASKED_DEFAULT = '********';
/** A run of asterisks in exported values: a masked `${password}` field (palette-api.md §6.6). */
export const MASKED_RUN = /\*{8,}/;

/** Normalises one side (palette-api.md §6.6). Pure. */
export function normaliseProfile(profile: ClusterProfileImportEntity, options: NormaliseOptions = {}): NormalisedProfile {
  const packs: Record<string, NormalisedPack> = {};
  const layerOrder: string[] = [];
  for (const pack of profile.spec.template.packs) {
    let key = pack.name;
    for (let n = 2; key in packs; n++) key = `${pack.name} (${n})`;
    layerOrder.push(key);
    packs[key] = normalisePack(pack, options);
  }
  const variables: Record<string, NormalisedVariable> = {};
  for (const v of profile.spec.variables ?? []) variables[v.name] = normaliseVariable(v);
  const labels: Record<string, string> = {};
  for (const k of Object.keys(profile.metadata.labels ?? {}).sort()) labels[k] = profile.metadata.labels?.[k] ?? '';
  return {
    name: profile.metadata.name,
    version: profile.spec.version,
    description: profile.metadata.description ?? '',
    labels,
    type: profile.spec.template.type ?? '',
    cloudType: profile.spec.template.cloudType ?? '',
    layerOrder,
    packs,
    variables,
  };
}

/**
 * Normalises a file and its export together: a sensitive variable whose exported default is
 * masked has its default compared on neither side ("masked, not compared", §6.6).
 */
export function normaliseProfilePair(
  local: ClusterProfileImportEntity,
  remote: ClusterProfileImportEntity,
  options: NormaliseOptions = {},
): { local: NormalisedProfile; remote: NormalisedProfile } {
  const l = normaliseProfile(local, options);
  const r = normaliseProfile(remote, options);
  for (const [name, rv] of Object.entries(r.variables)) {
    const lv = l.variables[name];
    if (rv.defaultValue !== MASKED_DEFAULT || !lv) continue;
    r.variables[name] = withoutDefault(rv);
    l.variables[name] = withoutDefault(lv);
  }
  return { local: l, remote: r };
}

function withoutDefault(v: NormalisedVariable): NormalisedVariable {
  const { defaultValue: _dropped, ...rest } = v;
  return rest;
}

function normalisePack(pack: PackImportEntity, options: NormaliseOptions): NormalisedPack {
  const version = pack.version ?? '';
  const meta = pack.registry?.metadata ?? {};
  const registry: Record<string, string> = { name: meta.name ?? '', kind: meta.kind ?? '' };
  if (options.strictRegistry) registry.uid = meta.uid ?? '';
  const text = (pack.values ?? '').trim();
  const firstLine = text.split('\n', 1)[0];
  const enabledPresets = firstLine.startsWith(PRESET_HEADER_PREFIX.trim())
    ? firstLine.slice(PRESET_HEADER_PREFIX.trim().length).split(',').map((s) => s.trim()).filter((s) => s !== '')
    : [];
  const manifests: Record<string, unknown> = {};
  for (const m of pack.manifests ?? []) manifests[m.name] = contentOf(m.content ?? '', options, true);
  return {
    type: pack.type ?? '',
    layer: pack.layer ?? '',
    version,
    // "A missing tag on a manifest pack equals version" (§6.6); no other pack omits it.
    tag: pack.tag ?? version,
    registry,
    enabledPresets,
    values: contentOf(text, options, false),
    manifestOrder: (pack.manifests ?? []).map((m) => m.name),
    manifests,
  };
}

function normaliseVariable(v: VariableImportEntity): NormalisedVariable {
  const masked = v.isSensitive === true && v.defaultValue !== undefined && /^\*+$/.test(v.defaultValue);
  const defaultValue = masked ? MASKED_DEFAULT : v.defaultValue === '' ? undefined : v.defaultValue;
  return {
    ...(v.displayName !== undefined ? { displayName: v.displayName } : {}),
    description: v.description ?? '',
    ...(v.format !== undefined ? { format: v.format } : {}),
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    ...(v.regex !== undefined ? { regex: v.regex } : {}),
    required: v.required ?? false,
    immutable: v.immutable ?? false,
    hidden: v.hidden ?? false,
    isSensitive: v.isSensitive ?? false,
    inputType: v.inputType ?? 'text',
    ...(v.options
      ? {
          options: v.options.map((o) => ({
            value: o.value,
            label: o.label ?? o.value,
            ...(o.description ? { description: o.description } : {}),
            default: o.default ?? false,
          })),
        }
      : {}),
  };
}

/**
 * A values string or manifest after strip(): parsed YAML data (multi-document for
 * manifests; documents keyed `Kind/name` when that is unique, else by index), or the text
 * itself in TEXT mode or when it does not parse.
 */
function contentOf(raw: string, options: NormaliseOptions, multiDocument: boolean): unknown {
  const text = raw.trim();
  if (options.content === ContentComparison.TEXT) return text;
  const docs = parseAllDocuments(text, { version: '1.1', prettyErrors: false });
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return text;
  const data = docs.map((d) => d.toJS({ maxAliasCount: -1 }) as unknown).filter((d) => d !== null && d !== undefined);
  if (!multiDocument) return data.length <= 1 ? (data[0] ?? {}) : data;
  if (data.length === 1) return data[0];
  const keys = data.map(documentKey);
  if (keys.every((k): k is string => k !== undefined) && new Set(keys).size === keys.length) {
    return Object.fromEntries(keys.map((k, i) => [k, data[i]]));
  }
  return data;
}

function documentKey(doc: unknown): string | undefined {
  const kind = stringAt(doc, 'kind');
  const name = stringAt(recordAt(doc, 'metadata'), 'name');
  return isRecord(doc) && kind && name ? `${kind}/${name}` : undefined;
}
