import { ValidationError } from '../common/errors';

/** The profile layer a pack fills (`pack.json` `layer`). */
export class LayerType {
  public static readonly OS = new LayerType('os');
  public static readonly K8S = new LayerType('k8s');
  public static readonly CNI = new LayerType('cni');
  public static readonly CSI = new LayerType('csi');
  public static readonly ADDON = new LayerType('addon');

  /** The infrastructure layers, in the order a profile must stack them. */
  public static readonly INFRA: readonly LayerType[] = [LayerType.OS, LayerType.K8S, LayerType.CNI, LayerType.CSI];

  private constructor(public readonly value: string) {}
}

/** The pack `type` of a registry pack; it must match the registry's kind. */
export class PackType {
  public static readonly SPECTRO = new PackType('spectro');
  public static readonly OCI = new PackType('oci');
  public static readonly HELM = new PackType('helm');

  /** The pack type named `value` (`spectro`, `oci` or `helm`). */
  public static of(value: string): PackType {
    const known = [PackType.SPECTRO, PackType.OCI, PackType.HELM].find((t) => t.value === value);
    if (!known) throw new ValidationError(`unknown pack type '${value}': use 'spectro', 'oci' or 'helm'`);
    return known;
  }

  private constructor(public readonly value: string) {}
}
