import {
  CniFacts, isCniLayer, isKubernetesLayer, isLoadBalancerLayer, isOsLayer, isStorageFactsLayer, isVmoLayer, KubernetesFacts,
  LoadBalancerFacts, OsFacts, StorageFacts, VmoFacts,
} from '../packs/facts';
import { LayerRole } from '../palette/layer-role';
import { isYamlMap, RenderedLayer, RenderedObject, RenderedSite, valueAt } from '../palette/rendered';
import { MaasClusterDefinition } from '../palette/cluster/maas-cluster';
import { HostNetworkPlan } from './host-network';
import { maasClusterOf } from './maas-cluster';
import { MaasPlan } from './maas-plan';

/** The hosts of a site: what its description says about hardware and networks, which no profile holds. */
export interface SiteHosts {
  /** `workerCpus`: the logical CPUs of each worker. */
  readonly nodes: { readonly controlPlane: number; readonly workers: number; readonly workerCpus: number };
  readonly network: HostNetworkPlan;
  /** The MAAS side of the cluster, when the site describes it. @default none: the site writes no cluster definition */
  readonly maas?: MaasPlan;
}

/** A VM network as a NetworkAttachmentDefinition writes it. */
export interface VmNetworkFacts {
  readonly name: string;
  readonly namespace: string;
  /** The 802.1Q VLAN id; undefined for an untagged network. */
  readonly vlan?: number;
  readonly bridge?: string;
  readonly location: string;
}

/** A layer's install priority as written (`pack.spectrocloud.com/install-priority`). */
export interface LayerPriority {
  readonly layer: RenderedLayer;
  /** Infrastructure layers install with the cluster, before every add-on: -Infinity. */
  readonly priority: number;
}

/**
 * What the VMO rules check: the site as written. Every setting that reaches a profile is read
 * back from the rendered layers (the values after Palette substitutes the variables'
 * defaults); only the hosts (node counts and host networks) come from the site description,
 * because no profile holds them. A role without a layer that reports its facts is undefined,
 * and the rules about it are skipped.
 */
export interface VmoSiteModel {
  readonly name: string;
  readonly rendered: RenderedSite;
  readonly nodes: SiteHosts['nodes'];
  readonly network: HostNetworkPlan;
  readonly kubernetes?: KubernetesFacts;
  readonly os?: OsFacts;
  readonly cni?: CniFacts;
  readonly storage?: StorageFacts;
  readonly loadBalancer?: LoadBalancerFacts;
  readonly vmo?: VmoFacts;
  /** The VM networks of every NetworkAttachmentDefinition written. */
  readonly vmNetworks: readonly VmNetworkFacts[];
  /** The MAAS settings, when the site describes its cluster. */
  readonly maas?: MaasPlan;
  /** The MAAS cluster the site's `deploy/` files describe, when it has `maas`. */
  readonly cluster?: MaasClusterDefinition;
  /** Every object of every layer, with where it is written. */
  readonly objects: readonly (RenderedObject & { readonly layer: RenderedLayer; readonly where: string })[];
  /** The install priority of each layer, by role. */
  priorities(role: LayerRole): LayerPriority[];
}

/** The model of each rendered site, so the rules and the site book read the facts once. */
const models = new WeakMap<RenderedSite, { readonly hosts: SiteHosts; readonly model: VmoSiteModel }>();

/** Reads the facts of each role from what the site rendered (once per rendered site and hosts). */
export function vmoSiteModel(rendered: RenderedSite, hosts: SiteHosts): VmoSiteModel {
  const known = models.get(rendered);
  if (known?.hosts === hosts) return known.model;
  const model = readModel(rendered, hosts);
  models.set(rendered, { hosts, model });
  return model;
}

function readModel(rendered: RenderedSite, hosts: SiteHosts): VmoSiteModel {
  const first = <T>(role: LayerRole, read: (l: RenderedLayer) => T | undefined): T | undefined => {
    for (const l of rendered.layersWith(role)) {
      const facts = read(l);
      if (facts !== undefined) return facts;
    }
    return undefined;
  };
  const objects = rendered.layers.flatMap((layer) =>
    layer.objects.map((o) => ({ ...o, layer, where: rendered.locate(layer, `manifest ${o.manifest}`) })),
  );
  return {
    name: rendered.name,
    rendered,
    nodes: hosts.nodes,
    network: hosts.network,
    kubernetes: first(LayerRole.KUBERNETES, (l) => (isKubernetesLayer(l.layer) ? l.layer.kubernetesFacts(l) : undefined)),
    os: first(LayerRole.OS, (l) => (isOsLayer(l.layer) ? l.layer.osFacts(l) : undefined)),
    cni: first(LayerRole.CNI, (l) => (isCniLayer(l.layer) ? l.layer.cniFacts(l) : undefined)),
    storage: first(LayerRole.CSI, (l) => (isStorageFactsLayer(l.layer) ? l.layer.storageFacts(l) : undefined)),
    loadBalancer: first(LayerRole.LOAD_BALANCER, (l) => (isLoadBalancerLayer(l.layer) ? l.layer.loadBalancerFacts(l) : undefined)),
    vmo: first(LayerRole.VMO, (l) => (isVmoLayer(l.layer) ? l.layer.vmoFacts(l) : undefined)),
    maas: hosts.maas,
    cluster: maasClusterOf(rendered, hosts),
    vmNetworks: objects.filter((o) => o.deployed.kind === 'NetworkAttachmentDefinition').map(vmNetwork),
    objects,
    priorities: (role) => rendered.layersWith(role).map((layer) => ({ layer, priority: installPriority(layer) })),
  };
}

/** A layer's install priority: infrastructure layers install first, an unset add-on priority is 0. */
export function installPriority(layer: RenderedLayer): number {
  if (layer.pack.layer !== 'addon') return -Infinity;
  const raw = valueAt(layer.deployed, 'pack', 'spectrocloud.com/install-priority');
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : 0;
  return Number.isFinite(n) ? n : 0;
}

function vmNetwork(o: RenderedObject & { readonly where: string }): VmNetworkFacts {
  const raw = valueAt(o.deployed, 'spec', 'config');
  let config: unknown;
  try {
    config = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    config = undefined;
  }
  const vlan = isYamlMap(config) ? config.vlan : undefined;
  const bridge = isYamlMap(config) ? config.bridge : undefined;
  return {
    name: String(valueAt(o.deployed, 'metadata', 'name') ?? '(unnamed)'),
    namespace: String(valueAt(o.deployed, 'metadata', 'namespace') ?? 'default'),
    ...(typeof vlan === 'number' ? { vlan } : {}),
    ...(typeof bridge === 'string' ? { bridge } : {}),
    location: o.where,
  };
}
