import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ValidationError } from '../common/errors';
import { LayerType } from './layer-type';
import { ProfileVariable } from './profile-variable';
import { RegistryMetadataJson } from './pack-registry';
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

/** How a layer turns its charts into named manifests. */
export class ManifestSplit {
  /** One manifest per chart, named by the chart's id. */
  public static readonly PER_CHART = new ManifestSplit('chart');
  /** One manifest per Kubernetes object, named by the object's construct id. */
  public static readonly PER_OBJECT = new ManifestSplit('object');

  private constructor(public readonly value: string) {}
}

export interface ProfileLayerProps {
  /**
   * Install order among add-on layers (`pack.spectrocloud.com/install-priority`); lower
   * installs first, equal values install together.
   * @default not set (Palette's default, 0)
   */
  readonly installPriority?: number;
  /** How the charts added to this layer become manifests. @default ManifestSplit.PER_CHART */
  readonly manifestSplit?: ManifestSplit;
}

/**
 * A layer of a cluster profile: a registry pack or a manifest-only layer. Layers are
 * defined once and can be stacked into several profiles (an Infra and a Full profile
 * share the same OS layer). cdk8s charts created inside a layer become its manifests.
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
  private readonly manifestSplit: ManifestSplit;
  private readonly usedVariables = new Map<string, ProfileVariable>();
  private cached?: PackJson;

  constructor(scope: Construct, id: string, props: ProfileLayerProps = {}) {
    super(scope, id);
    if (props.installPriority !== undefined && !Number.isInteger(props.installPriority)) {
      throw new ValidationError(`install priority ${props.installPriority} of layer '${id}' must be a whole number (e.g. 10)`);
    }
    this.installPriority = props.installPriority;
    this.manifestSplit = props.manifestSplit ?? ManifestSplit.PER_CHART;
  }

  /**
   * Declares that this layer uses a profile variable (for example inside a manifest) and
   * returns its reference. Profiles stacking this layer declare the variable.
   */
  public useVariable(variable: ProfileVariable): string {
    const known = this.usedVariables.get(variable.name);
    if (known && !known.sameDefinitionAs(variable)) {
      throw new ValidationError(
        `layer '${this.node.id}' uses two different definitions of profile variable '${variable.name}': define it once and share it`,
      );
    }
    this.usedVariables.set(variable.name, variable);
    return variable.reference;
  }

  /** The variables this layer uses (known once the layer has been rendered). */
  public get variables(): ProfileVariable[] {
    this.toJson();
    return [...this.usedVariables.values()];
  }

  /** The pack entry of the import JSON. Rendered once; layers are immutable by then. */
  public toJson(): PackJson {
    if (!this.cached) this.cached = this.renderPack();
    return this.cached;
  }

  protected abstract renderPack(): PackJson;

  /** The charts of this layer rendered as named manifests, in the order they were added. */
  protected renderManifests(): ManifestJson[] {
    const manifests: ManifestJson[] = [];
    for (const chart of this.node.children.filter((c): c is Chart => c instanceof Chart)) {
      validateTree(chart);
      const objects = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
      if (this.manifestSplit === ManifestSplit.PER_OBJECT) {
        for (const o of objects) manifests.push({ name: o.node.id, content: toYamlStream([o.toJson()]) });
      } else if (objects.length) {
        manifests.push({ name: chart.node.id, content: toYamlStream(objects.map((o) => o.toJson())) });
      }
    }
    return manifests;
  }
}

/** Runs the validations cdk8s constructs register (cdk8s-plus uses them) and fails on any. */
function validateTree(root: IConstruct): void {
  const errors = root.node.findAll().flatMap((c) => c.node.validate().map((e) => `${c.node.path}: ${e}`));
  if (errors.length) throw new ValidationError(errors.join('\n'));
}
