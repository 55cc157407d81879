import { isYamlMap, RenderedLayer, valueAt, YamlMap } from '../palette/rendered';
import { StorageClassFacts } from './facts';

/** The annotation that makes a storage class KubeVirt's default for VM disks (CDI doc/datavolumes.md). */
export const KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION = 'storageclass.kubevirt.io/is-default-virt-class';
/** The annotation that makes a storage class the cluster's default. */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** A storage class as the facts carry it, with KubeVirt's default-virt mark. */
export interface StorageClassReading extends StorageClassFacts {
  readonly isDefaultVirt: boolean;
}

/** Parameters as strings, as StorageClass parameters are. */
export function stringParameters(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isYamlMap(v)) for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = String(x);
  return out;
}

/** The StorageClass objects of a layer's manifests, as written. */
export function storageClassObjects(rendered: RenderedLayer): StorageClassReading[] {
  return rendered.objects.flatMap((o) => storageClassReading(o.deployed) ?? []);
}

/** A written object read as a StorageClass; undefined for another kind or one without a name. */
export function storageClassReading(o: YamlMap): StorageClassReading | undefined {
  const name = valueAt(o, 'metadata', 'name');
  if (o.kind !== 'StorageClass' || typeof name !== 'string') return undefined;
  return {
    name,
    provisioner: String(valueAt(o, 'provisioner') ?? ''),
    parameters: stringParameters(valueAt(o, 'parameters')),
    isDefault: valueAt(o, 'metadata', 'annotations', DEFAULT_CLASS_ANNOTATION) === 'true',
    isDefaultVirt: valueAt(o, 'metadata', 'annotations', KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION) === 'true',
  };
}

/** The class VMs use: KubeVirt's default-virt class, else the cluster default, else the first. */
export function vmClassOf(classes: readonly StorageClassReading[]): StorageClassReading | undefined {
  return classes.find((c) => c.isDefaultVirt) ?? classes.find((c) => c.isDefault) ?? classes[0];
}
