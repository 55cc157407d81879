import { Construct } from 'constructs';
import { ValidationError } from '../common/errors';
import { PackJson, ProfileLayer } from './profile-layer';
import { ProfileVariable, VariableJson } from './profile-variable';
import { RenderContext, RenderedLayer, RenderedProfile } from './rendered';

/** The profile type (`spec.template.type`). */
export class ProfileType {
  /** The UI's "Full": infrastructure layers and add-ons. */
  public static readonly FULL = new ProfileType('cluster');
  /** The UI's "Infrastructure": OS, Kubernetes, CNI and CSI. */
  public static readonly INFRA = new ProfileType('infra');
  public static readonly ADD_ON = new ProfileType('add-on');
  public static readonly SYSTEM = new ProfileType('system');

  private constructor(public readonly value: string) {}
}

/** The cloud type (`spec.template.cloudType`). */
export class CloudType {
  /** Canonical MAAS bare metal. */
  public static readonly MAAS = new CloudType('maas');
  /** Any cloud: add-on profiles. */
  public static readonly ALL = new CloudType('all');
  public static readonly EDGE_NATIVE = new CloudType('edge-native');
  public static readonly VSPHERE = new CloudType('vsphere');

  /** Another cloud type, e.g. a custom cloud. */
  public static of(value: string): CloudType {
    if (!/^[a-z0-9-]+$/.test(value)) throw new ValidationError(`cloud type '${value}' is invalid: use a Palette cloud type such as 'maas'`);
    return new CloudType(value);
  }

  private constructor(public readonly value: string) {}
}

export interface ClusterProfileProps {
  /** `metadata.name`. @default the construct id */
  readonly name?: string;
  /** `spec.version`; suffixes such as `1.7.1-pwx` work. @default '1.0.0' */
  readonly version?: string;
  /** @default '' */
  readonly description?: string;
  /**
   * Profile tags: `key:value` becomes a label, a bare `key` becomes `key: spectro__tag`
   * (as the Terraform provider writes them).
   * @default no tags
   */
  readonly tags?: readonly string[];
  /** Full, infra or add-on: which layers the profile may hold. */
  readonly type: ProfileType;
  /** The cloud the profile deploys to (`maas`); add-on profiles are `all`. */
  readonly cloudType: CloudType;
  /** The layers, in stack order (os, k8s, cni, csi, then add-ons). @default none; see addLayer */
  readonly layers?: readonly ProfileLayer[];
  /** Variables to declare besides those the layers use. @default none */
  readonly variables?: readonly ProfileVariable[];
}

/** The import document: what Palette's "Import Cluster Profile" accepts. */
export interface ProfileJson {
  metadata: { name: string; description: string; labels: Record<string, string> };
  spec: {
    version: string;
    template: { type: string; cloudType: string; packs: PackJson[] };
    variables: VariableJson[];
  };
}

/** A Palette cluster profile: layers in stack order plus the profile variables. */
export class ClusterProfile extends Construct {
  public readonly profileName: string;
  public readonly version: string;
  public readonly type: ProfileType;
  public readonly cloudType: CloudType;
  private readonly description: string;
  private readonly labels: Record<string, string>;
  private readonly stack: ProfileLayer[] = [];
  private readonly declared: ProfileVariable[] = [];

  constructor(scope: Construct, id: string, props: ClusterProfileProps) {
    super(scope, id);
    this.profileName = props.name ?? id;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(this.profileName)) {
      throw new ValidationError(`profile name '${this.profileName}' is invalid: use letters, digits, dots, dashes and underscores (e.g. 'VMO-RA-Infra')`);
    }
    this.version = props.version ?? '1.0.0';
    if (!/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(this.version)) {
      throw new ValidationError(`profile '${this.profileName}' version '${this.version}' is not a semantic version: use e.g. '1.0.0' or '1.7.1-pwx'`);
    }
    this.description = props.description ?? '';
    this.type = props.type;
    this.cloudType = props.cloudType;
    this.labels = tagsToLabels(props.tags ?? []);
    for (const l of props.layers ?? []) this.addLayer(l);
    for (const v of props.variables ?? []) this.addVariable(v);
  }

  /** Stacks a layer on top of the ones added so far. */
  public addLayer(layer: ProfileLayer): this {
    this.stack.push(layer);
    return this;
  }

  public addVariable(variable: ProfileVariable): this {
    this.declared.push(variable);
    return this;
  }

  public get layers(): readonly ProfileLayer[] {
    return this.stack;
  }

  /** Declared variables plus every variable a layer uses, each once. */
  public get variables(): ProfileVariable[] {
    return this.collectVariables(this.stack.map((l) => l.render()));
  }

  private collectVariables(layers: readonly RenderedLayer[]): ProfileVariable[] {
    const byName = new Map<string, ProfileVariable>();
    for (const v of [...this.declared, ...layers.flatMap((l) => l.variables)]) {
      const known = byName.get(v.name);
      if (known && !known.sameDefinitionAs(v)) {
        throw new ValidationError(
          `profile '${this.profileName}' has two different definitions of variable '${v.name}': define it once and share it between layers`,
        );
      }
      byName.set(v.name, v);
    }
    return [...byName.values()];
  }

  /** The import document, rendered from the current state of the profile and its layers. */
  public toJson(): ProfileJson {
    return this.render().json;
  }

  /** Renders the profile; layers already rendered in `context` are reused. */
  public render(context: RenderContext = new RenderContext()): RenderedProfile {
    const layers = this.stack.map((l) => l.render(context));
    const json: ProfileJson = {
      metadata: { name: this.profileName, description: this.description, labels: { ...this.labels } },
      spec: {
        version: this.version,
        template: { type: this.type.value, cloudType: this.cloudType.value, packs: layers.map((l) => l.pack) },
        variables: this.collectVariables(layers).map((v) => v.toJson()),
      },
    };
    return { profile: this, json, layers };
  }
}

function tagsToLabels(tags: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const tag of tags) {
    const i = tag.indexOf(':');
    const key = i < 0 ? tag : tag.slice(0, i);
    if (!key) throw new ValidationError(`profile tag '${tag}' has no key: write 'key' or 'key:value'`);
    labels[key] = i < 0 ? 'spectro__tag' : tag.slice(i + 1);
  }
  return labels;
}
