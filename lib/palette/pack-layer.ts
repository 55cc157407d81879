import { Construct } from 'constructs';
import { Document, isMap, YAMLMap } from 'yaml';
import { ValidationError } from '../common/errors';
import { LayerType, PackType } from './layer-type';
import { PackCatalogEntry, packCatalogOf } from './pack-catalog';
import { deepFreeze, PackDefaults } from './pack-defaults';
import { LruCache, LruCachesByOwner } from './text-memo';
import { PackPreset, presetHeader } from './pack-preset';
import { PackRegistry } from './pack-registry';
import { LayerOutput, ProfileLayer, ProfileLayerProps, VariableCollector } from './profile-layer';
import { ProfileVariable } from './profile-variable';
import { RenderedDefaults, YamlMap } from './rendered';
import type { PackSchema } from './pack-schema';
import { deleteIn, mergeIn, PlainValue, resolveValues, splitValuePath, ValueNode, Values } from './values';
import { printSpliced, RecipePaths } from './printed-subtrees';
import { dataKey, outputDocument, printDocument, UnquotedReference, vouchForText } from './yaml-format';

export interface PackLayerProps extends ProfileLayerProps {
  /** The registered pack name, e.g. `cni-cilium-oss`. */
  readonly name: string;
  /** The concrete pack version, e.g. `1.17.4`. */
  readonly version: string;
  /** The tag selected in the UI (may be a wildcard such as `1.32.x`). @default the version */
  readonly tag?: string;
  /** Where the pack sits in the stack: os, k8s, cni, csi or addon. */
  readonly layer: LayerType;
  /** Must match the registry's kind. @default the type the registry serves (`spectro` for Public Repo) */
  readonly type?: PackType;
  /** @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /**
   * The pack's complete default values for this version, onto which presets and `values`
   * apply, as Palette's UI holds them.
   * @default the pack catalog's defaults for exactly this name and version (the site's or app's
   * catalog, then the built-in one); without them the values hold only what presets and
   * `values` set, and check PAL-008 says so
   */
  readonly defaults?: PackDefaults;
  /** The preset definitions of this pack version (its presets.yaml). @default the catalog's, else none */
  readonly presets?: readonly PackPreset[];
  /** Names of the presets to enable, at most one per group. @default none */
  readonly enabledPresets?: readonly string[];
  /** Values deep-merged last, after the presets. @default none */
  readonly values?: Values;
  /** `pack.namespace`. @default not set */
  readonly namespace?: string;
}

/**
 * A registry pack in a cluster profile. Its values are built as Palette's UI builds them:
 * the pack defaults, then each enabled preset (remove, then add), then the overrides,
 * with the enabled presets recorded in the first line of the values.
 */
export class PackLayer extends ProfileLayer {
  public readonly packName: string;
  public readonly version: string;
  public readonly tag: string;
  public readonly layerType: LayerType;
  public readonly packType: PackType;
  public readonly registry: PackRegistry;
  public readonly enabledPresets: readonly PackPreset[];
  private readonly presetDefinitions: readonly PackPreset[];
  public readonly namespace?: string;
  private readonly defaults?: PackDefaults;
  /** The catalog entry of exactly this pack version, when the catalog has one. */
  public readonly catalogEntry?: PackCatalogEntry;
  /** The versions of this pack the catalog holds, for PAL-008's message. */
  public readonly catalogVersions: readonly string[];
  private readonly overrides: Values[] = [];
  private readonly pathEdits: { readonly keys: readonly string[]; readonly value?: ValueNode; readonly remove: boolean }[] = [];

  constructor(scope: Construct, id: string, props: PackLayerProps) {
    super(scope, id, props);
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(props.name)) {
      throw new ValidationError(`pack name '${props.name}' is invalid: use the registered pack name (lowercase, e.g. 'cni-cilium-oss')`);
    }
    if (!props.version.trim()) throw new ValidationError(`pack '${props.name}' needs a version (e.g. '1.17.4')`);
    this.packName = props.name;
    this.version = props.version;
    this.tag = props.tag ?? props.version;
    this.layerType = props.layer;
    this.registry = props.registry ?? PackRegistry.PUBLIC_REPO;
    this.packType = props.type ?? PackType.of(this.registry.kind.packType);
    if (this.registry.kind.packType !== this.packType.value) {
      throw new ValidationError(
        `pack '${props.name}' has type '${this.packType.value}' but registry '${this.registry.name}' serves '${this.registry.kind.packType}' packs: ` +
          `use PackType.${this.registry.kind.packType.toUpperCase()} or another registry`,
      );
    }
    const catalog = packCatalogOf(scope);
    this.catalogEntry = catalog.lookup(props.name, props.version);
    this.catalogVersions = catalog.versions(props.name);
    this.defaults = props.defaults ?? this.catalogEntry?.defaults;
    this.namespace = props.namespace;
    this.presetDefinitions = props.presets ?? this.catalogEntry?.presets ?? [];
    this.enabledPresets = selectPresets(props.name, this.presetDefinitions, props.enabledPresets ?? []);
    if (props.values) this.overrides.push(props.values);
  }

  /** Deep-merges more values after everything set so far. */
  public addValues(values: Values): void {
    this.overrides.push(values);
  }

  /**
   * Sets one value deep in the pack's values, after the defaults, presets and every
   * `addValues`: the escape hatch for a setting no prop offers (in the spirit of aws-cdk's
   * `addPropertyOverride`). `path` is dotted as in presets (`charts.cilium.bpf.masquerade`),
   * with `\.` for a dot inside a key. Overrides apply in the order they were added.
   */
  public addOverride(path: string, value: ValueNode): void {
    this.pathEdits.push({ keys: splitValuePath(path), value, remove: false });
  }

  /** Removes one key deep in the values (after everything else), like a preset's `remove`. */
  public removeValue(path: string): void {
    this.pathEdits.push({ keys: splitValuePath(path), remove: true });
  }

  /** The values string exactly as it lands in the profile. */
  public get values(): string {
    return this.toJson().values;
  }

  protected renderLayer(variables: VariableCollector): LayerOutput {
    const onVariable = (v: ProfileVariable) => variables.add(v);
    // Every variable is resolved (and collected) first, in the order the values use them.
    const recipe: ValuesRecipe = {
      presets: this.enabledPresets.map((p) => ({ remove: p.remove ?? [], ...(p.add ? { add: resolveValues(p.add, onVariable) as PlainValue } : {}) })),
      overrides: this.overrides.map((o) => resolveValues(o, onVariable) as PlainValue),
      ...(this.namespace !== undefined ? { namespace: this.namespace } : {}),
      ...(this.installPriority !== undefined ? { installPriority: this.installPriority } : {}),
      edits: this.pathEdits.map((e) => (e.remove ? { keys: e.keys, remove: true } : { keys: e.keys, value: resolveValues(e.value, onVariable) ?? null })),
      header: this.presetHeader(),
    };
    // A fleet's sites write most layers alike: the same defaults and recipe print the same values, once.
    const key = dataKey(recipe);
    const print = () => this.printValues(recipe);
    const { values, vouched, data } = key === undefined ? print() : renderedValuesCaches.getOrSet(this.defaults ?? NO_DEFAULTS, key, print);
    if (vouched) vouchForText(values);
    const { manifests, objects } = this.renderManifests();
    return {
      pack: {
        name: this.packName,
        type: this.packType.value,
        layer: this.layerType.value,
        version: this.version,
        tag: this.tag,
        values,
        registry: { metadata: this.registry.toJson() },
        ...(manifests.length ? { manifests } : {}),
      },
      values: data,
      objects,
      ...(this.defaults ? { defaults: renderedDefaults(this.defaults, this.catalogEntry?.schema) } : {}),
    };
  }

  /**
   * The enabled-presets header: the presets this layer enables and, for the groups it leaves
   * alone, the selection its defaults record (the catalog's or an export's header), in presets.yaml group order,
   * as Palette's UI shows them. No header without either.
   */
  private presetHeader(): string {
    const chosen = new Map(this.enabledPresets.map((p) => [p.group, p]));
    for (const d of this.defaults?.enabledPresets ?? []) {
      const def = this.presetDefinitions.find((p) => p.group === d.group && p.name === d.name) ?? { group: d.group, name: d.name };
      if (!chosen.has(d.group)) chosen.set(d.group, def);
    }
    if (!chosen.size) return '';
    // Group order: the pack's presets.yaml (the catalog's), then the layer's own presets, then the defaults' header.
    const order = [
      ...new Set([...(this.catalogEntry?.presets ?? []), ...this.presetDefinitions, ...(this.defaults?.enabledPresets ?? [])].map((p) => p.group)),
    ];
    const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length);
    return presetHeader([...chosen.values()].sort((a, b) => rank(a.group) - rank(b.group)));
  }

  /** The values text of a recipe on the layer's defaults, and its data as written. */
  private printValues(recipe: ValuesRecipe): RenderedValues {
    const doc = outputDocument(this.defaults?.toDocument());
    // What the recipe writes: the defaults' parts it leaves alone are spliced in as printed at build time.
    const paths = new RecipePaths();
    const remove = (keys: string[]) => {
      deleteIn(doc, keys);
      paths.replace(keys);
    };
    const merge = (keys: readonly string[], value: PlainValue) => {
      mergeIn(doc, keys, value);
      paths.merge(keys, value);
    };
    const set = (keys: string[], value: string) => {
      doc.setIn(keys, value);
      paths.replace(keys);
    };
    if (recipe.installPriority !== undefined || recipe.namespace !== undefined) ensurePackFirst(doc);
    for (const preset of recipe.presets) {
      for (const path of preset.remove) remove(splitValuePath(path));
      if (preset.add !== undefined) merge([], preset.add);
    }
    for (const o of recipe.overrides) merge([], o);
    if (recipe.namespace !== undefined) set(['pack', 'namespace'], recipe.namespace);
    if (recipe.installPriority !== undefined) set(['pack', 'spectrocloud.com/install-priority'], String(recipe.installPriority));
    for (const edit of recipe.edits) {
      if ('value' in edit) merge(edit.keys, edit.value);
      else remove([...edit.keys]);
    }
    const empty = !isMap(doc.contents) || doc.contents.items.length === 0;
    const parts = empty ? [] : paths.untouched(this.defaults?.printedSubtrees ?? []);
    const printed = empty ? { text: '', vouched: true } : ((parts.length ? printSpliced(doc, parts) : undefined) ?? printDocument(doc));
    const body = printed.text.replace(/\n$/, '');
    const { header } = recipe;
    const values = [header, body].filter((s) => s !== '').join('\n');
    // The header is one comment line: what PAL-004 would parse is the body it vouched for.
    const vouched = printed.vouched && !header.includes('\n') && (header === '' || header.startsWith('#'));
    return { values, vouched, data: empty ? EMPTY_VALUES : writtenValues(values, doc) };
  }

}

/** Everything a layer's values are made of, its variables resolved: with the defaults, it decides the text. */
interface ValuesRecipe {
  readonly presets: readonly { readonly remove: readonly string[]; readonly add?: PlainValue }[];
  readonly overrides: readonly PlainValue[];
  readonly namespace?: string;
  readonly installPriority?: number;
  readonly edits: readonly ({ readonly keys: readonly string[]; readonly remove: true } | { readonly keys: readonly string[]; readonly value: PlainValue })[];
  readonly header: string;
}

interface RenderedValues {
  readonly values: string;
  /** The walk that printed it found it strict and alike in YAML 1.1 and 1.2 (see printDocument). */
  readonly vouched: boolean;
  readonly data: YamlMap;
}


const NO_DEFAULTS = {};
/** The data of empty values, shared by every layer that writes none: frozen, as all shared values data is. */
const EMPTY_VALUES: YamlMap = Object.freeze({});
/** Values printed per defaults (a pack version of the catalog, or none), by recipe. */
const renderedValuesCaches = new LruCachesByOwner<RenderedValues>(64);

/** The defaults a layer was built on; their data is made when first read (the review file, PAL-009), once per pack version. */
function renderedDefaults(defaults: PackDefaults, schema: PackSchema | undefined): RenderedDefaults {
  return {
    source: defaults.source,
    get values() {
      return defaults.values;
    },
    ...(schema ? { schema } : {}),
  };
}

/**
 * The document's data as written: typed references read as their reference text. The same
 * text always holds the same data, and most layers of a fleet's sites write the same text, so
 * the data is built once per text and shared, frozen.
 */
function writtenValues(text: string, doc: Document): YamlMap {
  return writtenValuesCache.getOrSet(text, () => deepFreeze(asWritten(doc.toJS({ maxAliasCount: -1 })) as YamlMap));
}

const writtenValuesCache = new LruCache<string, YamlMap>(128);

function asWritten(v: unknown): unknown {
  if (v instanceof UnquotedReference) return v.reference;
  if (Array.isArray(v)) return v.map(asWritten);
  if (typeof v === 'object' && v !== null) {
    const out: YamlMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = asWritten(x);
    return out;
  }
  return v;
}

/** Resolves the enabled preset names against the definitions, in definition order. */
function selectPresets(pack: string, defs: readonly PackPreset[], enabled: readonly string[]): PackPreset[] {
  const byName = new Map(defs.map((d) => [d.name, d]));
  for (const name of enabled) {
    if (!byName.has(name)) {
      const known = defs.map((d) => d.name).join(', ') || 'none';
      throw new ValidationError(`pack '${pack}' has no preset '${name}': choose one of ${known}`);
    }
  }
  const chosen = defs.filter((d) => enabled.includes(d.name));
  const groups = new Map<string, string>();
  for (const p of chosen) {
    const other = groups.get(p.group);
    if (other) {
      throw new ValidationError(
        `pack '${pack}' enables presets '${other}' and '${p.name}' of the same group '${p.group}': only one preset per group can be active, keep one`,
      );
    }
    groups.set(p.group, p.name);
  }
  return chosen;
}

/** Palette's settings block goes first in a values file, as in exported profiles. */
function ensurePackFirst(doc: Document): void {
  if (!isMap(doc.contents)) doc.contents = new YAMLMap();
  const map = doc.contents as YAMLMap;
  if (!map.has('pack')) map.items.unshift(doc.createPair('pack', new YAMLMap()));
}
