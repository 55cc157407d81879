import { ApiObject, Chart, DependencyGraph } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ValidationError } from '../common/errors';
import { LayerRole } from './layer-role';
import { LayerType } from './layer-type';
import { ProfileVariable } from './profile-variable';
import { RegistryMetadataJson } from './pack-registry';
import {
  hasVariableReference, parseYamlDocuments, RenderContext, RenderedLayer, RenderedObject, substituteDefaults, YamlMap, isYamlMap,
} from './rendered';
import { toYamlStream } from './yaml-format';

/** One entry of a pack's `manifests` array. */
export interface ManifestJson {
  name: string;
  content: string;
}

/** One entry of `spec.template.packs` in the import format. */
export interface PackJson {
  name: string;
  type: string;
  layer: string;
  version: string;
  tag: string;
  values: string;
  registry: { metadata: RegistryMetadataJson };
  manifests?: ManifestJson[];
}

export interface ProfileLayerProps {
  /**
   * Install order among add-on layers (`pack.spectrocloud.com/install-priority`); lower
   * installs first, equal values install together.
   * @default not set (Palette's default, 0)
   */
  readonly installPriority?: number;
  /** What the layer does in the site, for the rules. @default the role of its layer type (an add-on for `addon`) */
  readonly role?: LayerRole;
}

/** The variables a layer references, collected while it renders. */
export class VariableCollector {
  private readonly byName = new Map<string, ProfileVariable>();

  constructor(private readonly layerName: string) {}

  public add(variable: ProfileVariable): string {
    const known = this.byName.get(variable.name);
    if (known && !known.sameDefinitionAs(variable)) {
      throw new ValidationError(
        `layer '${this.layerName}' uses two different definitions of profile variable '${variable.name}': define it once and share it`,
      );
    }
    this.byName.set(variable.name, variable);
    return variable.reference;
  }

  public get variables(): ProfileVariable[] {
    return [...this.byName.values()];
  }
}

/** What a subclass renders: the pack entry and its parsed values. */
export interface LayerOutput {
  readonly pack: PackJson;
  /** The values as written, parsed. */
  readonly values: YamlMap;
  /** The values text with variables substituted is parsed again only when it references variables. */
  readonly objects: readonly { manifest: string; object: YamlMap }[];
  readonly defaults?: RenderedLayer['defaults'];
}

/**
 * A layer of a cluster profile: a registry pack or a manifest-only layer. Layers are
 * defined once and can be stacked into several profiles (an Infra and a Full profile
 * share the same OS layer). cdk8s charts created inside a layer become its manifests.
 *
 * A layer renders from its current state every time: a change made after one render shows
 * in the next (within one render pass a shared layer is rendered once).
 */
export abstract class ProfileLayer extends Construct {
  /** Finds the layer a construct (e.g. a chart) belongs to. */
  public static of(c: IConstruct): ProfileLayer {
    for (let s: IConstruct | undefined = c; s; s = s.node.scope) {
      if (s instanceof ProfileLayer) return s;
    }
    throw new Error(`construct '${c.node.path}' is not inside a profile layer`);
  }

  /** The pack name (registry packs) or the layer name (manifest layers). */
  public abstract readonly packName: string;
  public abstract readonly layerType: LayerType;
  public readonly installPriority?: number;
  private readonly declaredRole?: LayerRole;
  private readonly declared = new Map<string, ProfileVariable>();

  constructor(scope: Construct, id: string, props: ProfileLayerProps = {}) {
    super(scope, id);
    if (props.installPriority !== undefined && !Number.isInteger(props.installPriority)) {
      throw new ValidationError(`install priority ${props.installPriority} of layer '${id}' must be a whole number (e.g. 10)`);
    }
    this.installPriority = props.installPriority;
    this.declaredRole = props.role;
  }

  /** What the layer does in the site. */
  public get role(): LayerRole {
    return this.declaredRole ?? LayerRole.forLayerType(this.layerType);
  }

  /**
   * Declares that this layer uses a profile variable (for example inside a manifest) and
   * returns its reference. Profiles stacking this layer declare the variable.
   */
  public useVariable(variable: ProfileVariable): string {
    const known = this.declared.get(variable.name);
    if (known && !known.sameDefinitionAs(variable)) {
      throw new ValidationError(
        `layer '${this.node.id}' uses two different definitions of profile variable '${variable.name}': define it once and share it`,
      );
    }
    this.declared.set(variable.name, variable);
    return variable.reference;
  }

  /** The variables this layer uses, as of now. */
  public get variables(): readonly ProfileVariable[] {
    return this.render().variables;
  }

  /** The pack entry of the import JSON, rendered from the layer's current state. */
  public toJson(): PackJson {
    return this.render().pack;
  }

  /** Renders the layer: its pack entry, values and objects, as written and as deployed. */
  public render(context: RenderContext = new RenderContext()): RenderedLayer {
    return context.layer(this, () => {
      const collector = new VariableCollector(this.node.id);
      for (const v of this.declared.values()) collector.add(v);
      const out = this.renderLayer(collector);
      const variables = collector.variables;
      // Parsed again only when a default changes the text: a reference to a variable without
      // default (every secret) deploys as written, and the values parsed once already say that.
      const substitute = (text: string) => {
        if (!variables.length || !hasVariableReference(text)) return undefined;
        const deployed = substituteDefaults(text, variables);
        return deployed === text ? undefined : deployed;
      };
      const deployedText = substitute(out.pack.values);
      const deployedValues = deployedText === undefined ? out.values : firstMap(parseYamlDocuments(deployedText));
      const objects: RenderedObject[] = [];
      for (const m of out.pack.manifests ?? []) {
        const written = out.objects.filter((o) => o.manifest === m.name).map((o) => o.object);
        const text = substitute(m.content);
        const deployed = text === undefined ? written : parseYamlDocuments(text).filter(isYamlMap);
        written.forEach((object, i) =>
          objects.push({ manifest: m.name, object, deployed: deployed[i] ?? object, location: `layer ${out.pack.name}, manifest ${m.name}` }),
        );
      }
      return {
        layer: this,
        role: this.role,
        pack: out.pack,
        values: out.values,
        deployed: deployedValues,
        objects,
        variables,
        ...(out.defaults ? { defaults: out.defaults } : {}),
      };
    });
  }

  /** Renders the pack entry; variables met in values go to `variables`. */
  protected abstract renderLayer(variables: VariableCollector): LayerOutput;

  /**
   * The charts of this layer as named manifests, one per chart, in the order they were
   * added; objects in each chart are ordered by cdk8s's dependency graph (`node.addDependency`).
   */
  protected renderManifests(): { manifests: ManifestJson[]; objects: { manifest: string; object: YamlMap }[] } {
    const manifests: ManifestJson[] = [];
    const objects: { manifest: string; object: YamlMap }[] = [];
    for (const chart of this.node.children.filter((c): c is Chart => c instanceof Chart)) {
      // cdk8s's own ordering (chartToKube): the chart's objects in dependency order. Not
      // chart.toJson(), which validates the whole app and throws; the app reports validations as findings.
      const json = new DependencyGraph(chart.node)
        .topology()
        .filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart)
        .map((o) => o.toJson() as YamlMap);
      if (!json.length) continue;
      manifests.push({ name: chart.node.id, content: toYamlStream(json) });
      for (const object of json) objects.push({ manifest: chart.node.id, object });
    }
    return { manifests, objects };
  }
}

function firstMap(docs: unknown[]): YamlMap {
  const [doc] = docs;
  return isYamlMap(doc) ? doc : {};
}
