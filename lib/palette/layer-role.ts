import { LayerType } from './layer-type';

/**
 * What a layer does in a site, independent of its pack name: the rules find the CSI layer,
 * the load balancer or the VMO layer by role, never by matching pack names. Each pack
 * construct declares its role; a generic layer takes the role of its layer type.
 */
export class LayerRole {
  public static readonly OS = new LayerRole('os');
  public static readonly KUBERNETES = new LayerRole('kubernetes');
  public static readonly CNI = new LayerRole('cni');
  public static readonly CSI = new LayerRole('csi');
  public static readonly LOAD_BALANCER = new LayerRole('load-balancer');
  public static readonly INGRESS = new LayerRole('ingress');
  public static readonly MONITORING = new LayerRole('monitoring');
  /** Virtual Machine Orchestrator: KubeVirt, CDI, the VM dashboard. */
  public static readonly VMO = new LayerRole('vmo');
  /** A reverse proxy that gives Palette a path into the cluster (Spectro Proxy). */
  public static readonly PROXY = new LayerRole('proxy');
  /** Manifests that need the VMO CRDs: storage profile, VM networks, images, preferences, templates. */
  public static readonly TEMPLATES = new LayerRole('templates');
  /** Any other add-on. */
  public static readonly ADD_ON = new LayerRole('add-on');

  /** The role a layer of this type has when nothing more specific is known. */
  public static forLayerType(type: LayerType): LayerRole {
    switch (type) {
      case LayerType.OS:
        return LayerRole.OS;
      case LayerType.K8S:
        return LayerRole.KUBERNETES;
      case LayerType.CNI:
        return LayerRole.CNI;
      case LayerType.CSI:
        return LayerRole.CSI;
      default:
        return LayerRole.ADD_ON;
    }
  }

  private constructor(public readonly name: string) {}

  public toString(): string {
    return this.name;
  }
}
