import { parseAllDocuments } from 'yaml';
import type { ClusterProfile, ProfileJson } from './cluster-profile';
import type { LayerRole } from './layer-role';
import type { PackJson, ProfileLayer } from './profile-layer';
import type { PackSchema } from './pack-schema';
import type { ProfileVariable } from './profile-variable';
import { plain, VARIABLE_REFERENCE } from './yaml-format';

/** A parsed YAML mapping. */
export type YamlMap = Record<string, unknown>;

export function isYamlMap(v: unknown): v is YamlMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a key path of parsed YAML, or undefined; never throws. */
export function valueAt(v: unknown, ...path: readonly (string | number)[]): unknown {
  let cur = v;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
    else if (isYamlMap(cur)) cur = cur[String(key)];
    else return undefined;
  }
  return cur;
}

/** One Kubernetes object of a manifest layer, as written and as it deploys. */
export interface RenderedObject {
  /** The manifest (chart) it belongs to. */
  readonly manifest: string;
  /** The object as written: variable references stay references. */
  readonly object: YamlMap;
  /** The object after Palette substitutes the variables' defaults (the object itself when it uses none). */
  readonly deployed: YamlMap;
  /** `profile X, layer Y, manifest Z` without the profile; RenderedSite adds it. */
  readonly location: string;
}

/**
 * A layer as it is written into a profile: its pack entry, its values parsed, its objects, and
 * the same after Palette substitutes the variables' defaults. Built once per render pass and
 * read by the checks and rules; never re-parsed from the strings written.
 */
export interface RenderedLayer {
  readonly layer: ProfileLayer;
  readonly role: LayerRole;
  /** The `spec.template.packs[]` entry written. */
  readonly pack: PackJson;
  /** The values as written, parsed (YAML 1.1): variable references stay reference strings. */
  readonly values: YamlMap;
  /** The values after substituting the variables' defaults, as Palette does at deploy time. */
  readonly deployed: YamlMap;
  readonly objects: readonly RenderedObject[];
  /** The profile variables the layer's values and manifests reference. */
  readonly variables: readonly ProfileVariable[];
  /** Where the values start from (pack defaults), for review files and findings. */
  readonly defaults?: RenderedDefaults;
}

/** The pack defaults a layer's values were built on. */
export interface RenderedDefaults {
  /** The catalog folder or file they come from, for messages. */
  readonly source: string;
  /** The defaults parsed. */
  readonly values: YamlMap;
  /** The pack's schema.yaml constraints, when the catalog has them. */
  readonly schema?: PackSchema;
}

/** A profile as written: its import JSON and its layers. */
export interface RenderedProfile {
  readonly profile: ClusterProfile;
  readonly json: ProfileJson;
  readonly layers: readonly RenderedLayer[];
}

/**
 * Everything one site writes, as data: each profile with its layers. A layer stacked into
 * several profiles (Infra and Full) is rendered once and appears once in `layers`.
 */
export class RenderedSite {
  public readonly layers: readonly RenderedLayer[];

  constructor(public readonly name: string, public readonly profiles: readonly RenderedProfile[]) {
    const seen = new Set<RenderedLayer>();
    const layers: RenderedLayer[] = [];
    for (const p of profiles) {
      for (const l of p.layers) {
        if (!seen.has(l)) layers.push(l);
        seen.add(l);
      }
    }
    this.layers = layers;
  }

  /** The distinct layers with the given role, in profile order. */
  public layersWith(role: LayerRole): RenderedLayer[] {
    return this.layers.filter((l) => l.role === role);
  }

  /** The first layer with the role, or undefined. */
  public layerWith(role: LayerRole): RenderedLayer | undefined {
    return this.layers.find((l) => l.role === role);
  }

  /** The profiles stacking a layer, by name. */
  public profilesOf(layer: RenderedLayer): string[] {
    return this.profiles.filter((p) => p.layers.includes(layer)).map((p) => p.json.metadata.name);
  }

  /** Where a layer sits, for findings: `profile A, layer x` (the first profile that stacks it). */
  public locate(layer: RenderedLayer, detail?: string): string {
    const profile = this.profilesOf(layer)[0];
    return [profile ? `profile ${profile}` : undefined, `layer ${layer.pack.name}`, detail].filter((s) => s !== undefined).join(', ');
  }
}

/** Renders each layer once per pass: a layer shared by several profiles is built once. */
export class RenderContext {
  private readonly layers = new Map<ProfileLayer, RenderedLayer>();

  public layer(layer: ProfileLayer, render: () => RenderedLayer): RenderedLayer {
    let r = this.layers.get(layer);
    if (!r) {
      r = render();
      this.layers.set(layer, r);
    }
    return r;
  }
}

/**
 * Replaces every `{{.spectro.var.X}}` whose variable has a default with that default, as text,
 * the way Palette resolves variables at deploy time. References without a default stay.
 */
export function substituteDefaults(text: string, variables: readonly ProfileVariable[]): string {
  if (!variables.length) return text;
  const defaults = new Map(variables.filter((v) => v.defaultValue !== undefined).map((v) => [v.name, v.defaultValue as string]));
  return text.replace(new RegExp(VARIABLE_REFERENCE.source, 'g'), (ref: string, name: string) => defaults.get(name) ?? ref);
}

/** True when the text references a profile variable. */
export function hasVariableReference(text: string): boolean {
  return new RegExp(VARIABLE_REFERENCE.source).test(text);
}

/**
 * Parses YAML documents as Palette reads them (YAML 1.1); documents that do not parse are
 * skipped (the strict-YAML check reports them). Keys that are not strings (an unquoted macro
 * reads as a flow mapping) become strings.
 */
export function parseYamlDocuments(text: string): unknown[] {
  try {
    const docs = parseAllDocuments(text, { version: '1.1' });
    if (!Array.isArray(docs)) return [];
    return docs
      .filter((d) => d.errors.length === 0)
      .map((d) => plain(d.toJS({ maxAliasCount: 100, mapAsMap: true }) as unknown))
      .filter((d) => d !== null && d !== undefined);
  } catch {
    return [];
  }
}
