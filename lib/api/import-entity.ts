import { ProfileJson } from '../palette/cluster-profile';
import { ValidationError } from '../common/errors';
import { PackJson } from '../palette/profile-layer';
import { VariableJson } from '../palette/profile-variable';
import { arrayAt, booleanAt, isRecord, recordAt, stringAt, stringMapAt } from './json-shape';
import { decodeRegistryMetadata, PackRegistryMetadata } from './palette-types';

/**
 * `V1ClusterProfileImportEntity` as files, `import/validate` and `export` carry it
 * (palette-profile-format.md §1-§3). Almost nothing is schema-required, and exports add
 * fields (`variables[].order`, 6-key registry metadata), so every field but the
 * identifying ones is optional. A `ProfileJson` is one of these.
 */
export interface ClusterProfileImportEntity {
  readonly metadata: { readonly name: string; readonly description?: string; readonly labels?: Readonly<Record<string, string>> };
  readonly spec: {
    readonly version: string;
    readonly template: { readonly type?: string; readonly cloudType?: string; readonly packs: readonly PackImportEntity[] };
    readonly variables?: readonly VariableImportEntity[];
  };
}

export interface PackImportEntity {
  readonly name: string;
  readonly type?: string;
  readonly layer?: string;
  readonly version?: string;
  readonly tag?: string;
  readonly values?: string;
  readonly registry?: {
    readonly metadata?: Partial<PackRegistryMetadata>;
    /** Filled by `import/validate`: the target registries holding the pack [INFERRED, palette-api.md §3]. */
    readonly matchingRegistries?: readonly PackRegistryMetadata[];
  };
  readonly manifests?: readonly { readonly name: string; readonly content?: string }[];
}

export interface VariableImportEntity {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly format?: string;
  readonly defaultValue?: string;
  readonly regex?: string;
  readonly required?: boolean;
  readonly immutable?: boolean;
  readonly hidden?: boolean;
  readonly isSensitive?: boolean;
  readonly inputType?: string;
  readonly options?: readonly { readonly value: string; readonly label?: string; readonly description?: string; readonly default?: boolean }[];
  /** Export only: display order as a digit string. */
  readonly order?: string;
}

/**
 * Reads a profile document of unknown shape (a file, an export, a validate answer). Fails
 * with one line naming `source` and the JSON path when an identifying field is missing.
 */
export function decodeImportEntity(value: unknown, source: string): ClusterProfileImportEntity {
  const fail = (path: string, what: string): never => {
    throw new ValidationError(`${source}: ${path} ${what}: a Palette profile is {metadata: {name}, spec: {version, template: {packs: [...]}}}`);
  };
  if (!isRecord(value)) fail('(root)', 'is not a JSON object');
  const meta = recordAt(value, 'metadata');
  const spec = recordAt(value, 'spec');
  const template = recordAt(spec, 'template');
  const name = stringAt(meta, 'name') ?? fail('metadata.name', 'is missing');
  const version = stringAt(spec, 'version') ?? fail('spec.version', 'is missing');
  if (!Array.isArray(template.packs)) fail('spec.template.packs', 'is missing');
  const packs = arrayAt(template, 'packs').map((p, i) => decodePack(p, `spec.template.packs[${i}]`, fail));
  const variables = Array.isArray(spec.variables)
    ? arrayAt(spec, 'variables').map((v, i) => decodeVariable(v, `spec.variables[${i}]`, fail))
    : undefined;
  return {
    metadata: {
      name,
      ...optional('description', stringAt(meta, 'description')),
      ...(isRecord(meta.labels) ? { labels: stringMapAt(meta, 'labels') } : {}),
    },
    spec: {
      version,
      template: { ...optional('type', stringAt(template, 'type')), ...optional('cloudType', stringAt(template, 'cloudType')), packs },
      ...(variables ? { variables } : {}),
    },
  };
}

/**
 * The document as the generator's `ProfileJson`, for the local profile checks; fails when a
 * field the generator always writes is missing (type, cloudType, a pack's layer, version...).
 */
export function toProfileJson(entity: ClusterProfileImportEntity, source: string): ProfileJson {
  const need = (v: string | undefined, path: string): string => {
    if (v === undefined) throw new ValidationError(`${source}: ${path} is missing: write it as palette-profile-format.md §1-§2 shows`);
    return v;
  };
  const packs: PackJson[] = entity.spec.template.packs.map((p, i) => {
    const at = `spec.template.packs[${i}]`;
    const version = need(p.version, `${at}.version`);
    const m = p.registry?.metadata ?? {};
    return {
      name: p.name,
      type: need(p.type, `${at}.type`),
      layer: need(p.layer, `${at}.layer`),
      version,
      tag: p.tag ?? version,
      values: need(p.values, `${at}.values`),
      registry: { metadata: { uid: m.uid ?? '', name: m.name ?? '', kind: m.kind ?? '', isPrivate: m.isPrivate ?? false } },
      ...(p.manifests ? { manifests: p.manifests.map((x) => ({ name: x.name, content: x.content ?? '' })) } : {}),
    };
  });
  const variables: VariableJson[] = (entity.spec.variables ?? []).map((v) => ({
    name: v.name,
    displayName: v.displayName ?? v.name,
    description: v.description ?? '',
    format: v.format ?? 'string',
    ...optional('defaultValue', v.defaultValue),
    ...optional('regex', v.regex),
    required: v.required ?? false,
    immutable: v.immutable ?? false,
    hidden: v.hidden ?? false,
    isSensitive: v.isSensitive ?? false,
    ...optional('inputType', v.inputType),
    ...(v.options
      ? { options: v.options.map((o) => ({ value: o.value, label: o.label ?? o.value, ...optional('description', o.description), default: o.default ?? false })) }
      : {}),
  }));
  return {
    metadata: { name: entity.metadata.name, description: entity.metadata.description ?? '', labels: { ...(entity.metadata.labels ?? {}) } },
    spec: {
      version: entity.spec.version,
      template: { type: need(entity.spec.template.type, 'spec.template.type'), cloudType: need(entity.spec.template.cloudType, 'spec.template.cloudType'), packs },
      variables,
    },
  };
}

type Fail = (path: string, what: string) => never;

function decodePack(p: unknown, at: string, fail: Fail): PackImportEntity {
  if (!isRecord(p)) return fail(at, 'is not an object');
  const name = stringAt(p, 'name') ?? fail(`${at}.name`, 'is missing');
  const registry = recordAt(p, 'registry');
  const metadata = recordAt(registry, 'metadata');
  const matching = Array.isArray(registry.matchingRegistries)
    ? arrayAt(registry, 'matchingRegistries').flatMap((r) => decodeRegistryMetadata(r) ?? [])
    : undefined;
  return {
    name,
    ...optional('type', stringAt(p, 'type')),
    ...optional('layer', stringAt(p, 'layer')),
    ...optional('version', stringAt(p, 'version')),
    ...optional('tag', stringAt(p, 'tag')),
    ...optional('values', stringAt(p, 'values')),
    ...(isRecord(p.registry)
      ? {
          registry: {
            ...(isRecord(registry.metadata)
              ? {
                  metadata: {
                    ...optional('uid', stringAt(metadata, 'uid')),
                    ...optional('name', stringAt(metadata, 'name')),
                    ...optional('kind', stringAt(metadata, 'kind')),
                    ...optional('isPrivate', booleanAt(metadata, 'isPrivate')),
                    ...optional('providerType', stringAt(metadata, 'providerType')),
                    ...optional('isSyncSupported', booleanAt(metadata, 'isSyncSupported')),
                  },
                }
              : {}),
            ...(matching ? { matchingRegistries: matching } : {}),
          },
        }
      : {}),
    ...(Array.isArray(p.manifests)
      ? {
          manifests: arrayAt(p, 'manifests').map((m, j) => ({
            name: stringAt(m, 'name') ?? fail(`${at}.manifests[${j}].name`, 'is missing'),
            ...optional('content', stringAt(m, 'content')),
          })),
        }
      : {}),
  };
}

function decodeVariable(v: unknown, at: string, fail: Fail): VariableImportEntity {
  const name = stringAt(v, 'name') ?? fail(`${at}.name`, 'is missing');
  const options = Array.isArray(isRecord(v) ? v.options : undefined)
    ? arrayAt(v, 'options').map((o, j) => ({
        value: stringAt(o, 'value') ?? fail(`${at}.options[${j}].value`, 'is missing'),
        ...optional('label', stringAt(o, 'label')),
        ...optional('description', stringAt(o, 'description')),
        ...optional('default', booleanAt(o, 'default')),
      }))
    : undefined;
  return {
    name,
    ...optional('displayName', stringAt(v, 'displayName')),
    ...optional('description', stringAt(v, 'description')),
    ...optional('format', stringAt(v, 'format')),
    ...optional('defaultValue', stringAt(v, 'defaultValue')),
    ...optional('regex', stringAt(v, 'regex')),
    ...optional('required', booleanAt(v, 'required')),
    ...optional('immutable', booleanAt(v, 'immutable')),
    ...optional('hidden', booleanAt(v, 'hidden')),
    ...optional('isSensitive', booleanAt(v, 'isSensitive')),
    ...optional('inputType', stringAt(v, 'inputType')),
    ...(options ? { options } : {}),
    ...optional('order', stringAt(v, 'order')),
  };
}

/** `{key: value}` when the value is set, `{}` otherwise (keeps absent fields absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
