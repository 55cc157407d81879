import { arrayAt, booleanAt, isRecord, recordAt, stringAt } from './json-shape';

/**
 * The response shapes the client reads, with lenient decoders: unknown fields are dropped,
 * and an item that lacks an identifying field is skipped rather than guessed.
 * Endpoints and shapes: palette-api.md §6.2.
 */

/** `PackRegistryMetadata`: a registry as a pack entry references it. */
export interface PackRegistryMetadata {
  readonly uid: string;
  readonly name: string;
  /** `pack`, `oci` or `helm`. */
  readonly kind: string;
  readonly isPrivate: boolean;
  readonly providerType?: string;
  readonly isSyncSupported?: boolean;
}

/** One item of `GET /v1/dashboard/clusterprofiles/metadata`: each version is its own item. */
export interface ProfileMetadataItem {
  readonly uid: string;
  readonly name: string;
  readonly version: string;
  readonly cloudType?: string;
}

/** One item of `POST /v1/dashboard/clusterprofiles`. */
export interface ProfileSummary {
  readonly uid: string;
  readonly name: string;
  readonly version: string;
  /** `metadata.annotations.scope`: `project`, `tenant` or `system`. */
  readonly scope?: string;
  readonly isPublished: boolean;
  /** Names (or uids) of the clusters that use this profile version. */
  readonly inUseClusters: readonly string[];
}

/** What the client reads of `GET /v1/clusterprofiles/{uid}` (`V1ClusterProfile`). */
export interface ClusterProfileInfo {
  readonly uid: string;
  readonly name: string;
  /** `metadata.annotations.scope`: `project`, `tenant` or `system`. */
  readonly scope?: string;
  /** `spec.published.profileVersion` or `spec.version`. */
  readonly version?: string;
}

/** One item of `GET /v1/registries/metadata`. */
export interface RegistryInfo {
  readonly uid: string;
  readonly name: string;
  readonly kind: string;
  readonly isPrivate: boolean;
  readonly isDefault: boolean;
  readonly scope?: string;
}

/** A tag of a registry pack (`tags[]` of `GET /v1/packs/{name}/registries/{uid}`). */
export interface RegistryPackTag {
  readonly tag: string;
  readonly version: string;
  readonly packUid: string;
}

/** `packValues[]`: a pack version's complete default values, presets and schema. */
export interface PackValuesEntry {
  readonly packUid: string;
  /** The values.yaml text exactly as served. */
  readonly values: string;
  /** YAML text, or the structured presets when Palette serves them as objects. */
  readonly presets?: unknown;
  readonly schema?: unknown;
}

/** `GET /v1/packs/{packName}/registries/{registryUid}`. */
export interface RegistryPack {
  readonly name: string;
  readonly registryUid: string;
  readonly tags: readonly RegistryPackTag[];
  readonly packValues: readonly PackValuesEntry[];
}

/** A macro of `GET /v1/clusterprofiles/macros`. */
export interface Macro {
  readonly name: string;
  readonly value?: string;
}

export function decodeRegistryMetadata(value: unknown): PackRegistryMetadata | undefined {
  const uid = stringAt(value, 'uid');
  const name = stringAt(value, 'name');
  const kind = stringAt(value, 'kind');
  if (uid === undefined || name === undefined || kind === undefined) return undefined;
  const providerType = stringAt(value, 'providerType');
  const isSyncSupported = booleanAt(value, 'isSyncSupported');
  return {
    uid,
    name,
    kind,
    isPrivate: booleanAt(value, 'isPrivate') ?? false,
    ...(providerType !== undefined ? { providerType } : {}),
    ...(isSyncSupported !== undefined ? { isSyncSupported } : {}),
  };
}

export function decodeProfileMetadataItems(body: unknown): ProfileMetadataItem[] {
  const out: ProfileMetadataItem[] = [];
  for (const item of arrayAt(body, 'items')) {
    const meta = recordAt(item, 'metadata');
    const spec = recordAt(item, 'spec');
    const uid = stringAt(meta, 'uid');
    const name = stringAt(meta, 'name');
    const version = stringAt(spec, 'version');
    if (uid === undefined || name === undefined || version === undefined) continue;
    const cloudType = stringAt(spec, 'cloudType');
    out.push({ uid, name, version, ...(cloudType !== undefined ? { cloudType } : {}) });
  }
  return out;
}

export function decodeProfileSummaries(body: unknown): ProfileSummary[] {
  const out: ProfileSummary[] = [];
  for (const item of arrayAt(body, 'items')) {
    const meta = recordAt(item, 'metadata');
    const summary = recordAt(item, 'specSummary');
    const status = recordAt(item, 'status');
    const uid = stringAt(meta, 'uid');
    const name = stringAt(meta, 'name');
    if (uid === undefined || name === undefined) continue;
    const scope = stringAt(recordAt(meta, 'annotations'), 'scope');
    out.push({
      uid,
      name,
      version: stringAt(summary, 'version') ?? '',
      ...(scope !== undefined ? { scope } : {}),
      isPublished: booleanAt(status, 'isPublished') ?? false,
      inUseClusters: arrayAt(status, 'inUseClusters').map(clusterName).filter((n) => n !== ''),
    });
  }
  return out;
}

/** The `continue` token of a paged list; '' on the last page. */
export function decodeContinueToken(body: unknown): string {
  return stringAt(recordAt(body, 'listmeta'), 'continue') ?? '';
}

export function decodeClusterProfileInfo(body: unknown, uid: string): ClusterProfileInfo {
  const meta = recordAt(body, 'metadata');
  const spec = recordAt(body, 'spec');
  const scope = stringAt(recordAt(meta, 'annotations'), 'scope');
  const version = stringAt(recordAt(spec, 'published'), 'profileVersion') ?? stringAt(spec, 'version');
  return {
    uid: stringAt(meta, 'uid') ?? uid,
    name: stringAt(meta, 'name') ?? '',
    ...(scope !== undefined ? { scope } : {}),
    ...(version !== undefined ? { version } : {}),
  };
}

export function decodeRegistries(body: unknown): RegistryInfo[] {
  const out: RegistryInfo[] = [];
  for (const item of arrayAt(body, 'items')) {
    // Items are flat in palette-api.md §6.2; accept `metadata`/`spec` nesting as well.
    const flat = { ...recordAt(item, 'spec'), ...recordAt(item, 'metadata'), ...(isRecord(item) ? item : {}) };
    const uid = stringAt(flat, 'uid');
    const name = stringAt(flat, 'name');
    if (uid === undefined || name === undefined) continue;
    const scope = stringAt(flat, 'scope');
    out.push({
      uid,
      name,
      kind: stringAt(flat, 'kind') ?? '',
      isPrivate: booleanAt(flat, 'isPrivate') ?? false,
      isDefault: booleanAt(flat, 'isDefault') ?? false,
      ...(scope !== undefined ? { scope } : {}),
    });
  }
  return out;
}

export function decodeRegistryPack(body: unknown, name: string, registryUid: string): RegistryPack {
  const tags: RegistryPackTag[] = [];
  for (const t of arrayAt(body, 'tags')) {
    const tag = stringAt(t, 'tag');
    const packUid = stringAt(t, 'packUid');
    if (tag === undefined || packUid === undefined) continue;
    tags.push({ tag, version: stringAt(t, 'version') ?? tag, packUid });
  }
  const packValues: PackValuesEntry[] = [];
  for (const v of arrayAt(body, 'packValues')) {
    const packUid = stringAt(v, 'packUid');
    if (packUid === undefined || !isRecord(v)) continue;
    packValues.push({ packUid, values: stringAt(v, 'values') ?? '', presets: v.presets, schema: v.schema });
  }
  return { name: stringAt(body, 'name') ?? name, registryUid: stringAt(body, 'registryUid') ?? registryUid, tags, packValues };
}

/**
 * `V1Macros` is read as `{macros: [{name, value}]}` [INFERRED: palette-api.md §6.2 names the
 * endpoint and `Macros` but not its fields]; `items` and a bare array are accepted too.
 */
export function decodeMacros(body: unknown): Macro[] {
  const list = Array.isArray(body) ? body : arrayAt(body, 'macros').length ? arrayAt(body, 'macros') : arrayAt(body, 'items');
  const out: Macro[] = [];
  for (const m of list) {
    const name = stringAt(m, 'name') ?? stringAt(recordAt(m, 'metadata'), 'name');
    if (name === undefined) continue;
    const value = stringAt(m, 'value');
    out.push({ name, ...(value !== undefined ? { value } : {}) });
  }
  return out;
}

function clusterName(c: unknown): string {
  if (typeof c === 'string') return c;
  return stringAt(c, 'name') ?? stringAt(recordAt(c, 'metadata'), 'name') ?? stringAt(c, 'uid') ?? stringAt(recordAt(c, 'metadata'), 'uid') ?? '';
}
