import { Chart, ChartProps } from 'cdk8s';
import { Document } from 'yaml';
import { Construct } from 'constructs';
import { ValidationError } from '../common/errors';
import { isDnsLabel } from '../common/dns-names';
import { DNS_LABEL_RULE } from '../common/k8s-names';
import { LayerType } from './layer-type';
import { emptyRegistryMetadata } from './pack-registry';
import { LayerOutput, ProfileLayer, ProfileLayerProps } from './profile-layer';
import { OUTPUT_DOCUMENT_OPTIONS, printDocument, vouchForText } from './yaml-format';

export interface ManifestLayerProps extends ProfileLayerProps {
  /** The layer name, unique in a profile. @default the construct id */
  readonly name?: string;
  /** @default '1.0.0' */
  readonly version?: string;
  /** @default the version */
  readonly tag?: string;
  /**
   * `pack.namespace`: where objects without a namespace of their own land.
   * @default 'default'
   */
  readonly namespace?: string;
}

/**
 * A manifest-only layer (`type: manifest`, `layer: addon`): Kubernetes objects from the
 * cdk8s charts created inside it, one named manifest per chart (or per object).
 */
export class ManifestLayer extends ProfileLayer {
  public readonly packName: string;
  public readonly layerType = LayerType.ADDON;
  public readonly version: string;
  public readonly tag: string;
  public readonly namespace: string;

  constructor(scope: Construct, id: string, props: ManifestLayerProps = {}) {
    super(scope, id, props);
    this.packName = props.name ?? id;
    if (!isDnsLabel(this.packName)) {
      throw new ValidationError(`manifest layer name '${this.packName}' is invalid: ${DNS_LABEL_RULE} (e.g. 'vmo-networking')`);
    }
    this.version = props.version ?? '1.0.0';
    this.tag = props.tag ?? this.version;
    this.namespace = props.namespace ?? 'default';
  }

  protected renderLayer(): LayerOutput {
    const pack: Record<string, string> = { namespace: this.namespace };
    pack['spectrocloud.com/install-priority'] = String(this.installPriority ?? 0);
    const { manifests, objects } = this.renderManifests();
    return {
      pack: {
        name: this.packName,
        type: 'manifest',
        layer: LayerType.ADDON.value,
        version: this.version,
        tag: this.tag,
        values: printedValues({ pack }),
        registry: { metadata: emptyRegistryMetadata() },
        manifests,
      },
      values: { pack: { ...pack } },
      objects,
    };
  }
}

/** A manifest layer's values text (its pack settings), vouched for PAL-004 when its document is. */
function printedValues(values: object): string {
  const printed = printDocument(new Document(values, OUTPUT_DOCUMENT_OPTIONS));
  const text = printed.text.replace(/\n$/, '');
  if (printed.vouched) vouchForText(text);
  return text;
}

/**
 * A chart for a profile layer. Object names are exactly the names given: Palette
 * manifests must not carry cdk8s's hash suffixes.
 */
export class ManifestChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { ...props, disableResourceNameHashes: true });
  }
}
