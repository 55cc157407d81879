import { Construct } from 'constructs';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { RenderedLayer, valueAt } from '../../palette/rendered';
import { Values } from '../../palette/values';
import { IProxyLayer, ProxyFacts } from '../facts';

/** The Spectro Proxy version of the Palette 4.7 pack drop (pack-values.md §11: the 1.5.x line has 1.5.5 and 1.5.6). */
export const SPECTRO_PROXY_VERSION = '1.5.6';

/**
 * The reverse-proxy host name the API server certificate must also carry when the proxy
 * fronts a Palette-deployed cluster (librarium integrations/frp.md, "Palette Deployed": add it
 * to the Kubernetes pack's `apiServer` `certSANs`).
 */
export const SPECTRO_PROXY_CERT_SAN = 'cluster-{{ .spectro.system.cluster.uid }}.{{ .spectro.system.reverseproxy.server }}';

export interface SpectroProxyPackProps {
  /** @default '1.5.6' */
  readonly version?: string;
  /**
   * `manifests.spectro-proxy.vmDashboardIntegration.enabled`: route the VMO dashboard (the
   * Virtual Machines tab and VM consoles) through the proxy. VMO's "Proxied" access needs it.
   * @default true
   */
  readonly vmDashboardIntegration?: boolean;
  /** `k8sDashboardIntegration.enabled`: expose the Kubernetes dashboard through the proxy. @default false (the pack's) */
  readonly k8sDashboardIntegration?: boolean;
  /** @default not set (Palette's 0: with the first add-ons, as the UI adds it) */
  readonly installPriority?: number;
  /** @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /** More values, deep-merged last. @default none */
  readonly values?: Values;
}

/**
 * Spectro Proxy (pack `spectro-proxy`): the client of Palette's reverse proxy, so Palette can
 * reach a cluster in a private network. VMO's "Proxied" access depends on it (the VMO pack's
 * `template/parameters.yaml`: "Spectro Proxy is required", added read-only with
 * `manifests.spectro-proxy.vmDashboardIntegration.enabled: true`); Palette's UI adds this
 * layer when Proxied is picked, an import does not, so a profile written here carries it.
 * Its connection settings are Palette macros resolved at deploy time (librarium frp.md parameters).
 */
export class SpectroProxyPack extends PackLayer implements IProxyLayer {
  constructor(scope: Construct, id: string, props: SpectroProxyPackProps = {}) {
    super(scope, id, {
      name: 'spectro-proxy',
      version: props.version ?? SPECTRO_PROXY_VERSION,
      layer: LayerType.ADDON,
      role: LayerRole.PROXY,
      registry: props.registry,
      installPriority: props.installPriority,
    });
    this.addValues({
      manifests: {
        'spectro-proxy': {
          namespace: 'cluster-{{ .spectro.system.cluster.uid }}',
          server: '{{ .spectro.system.reverseproxy.server }}',
          clusterUid: '{{ .spectro.system.cluster.uid }}',
          subdomain: 'cluster-{{ .spectro.system.cluster.uid }}',
          k8sDashboardIntegration: { enabled: props.k8sDashboardIntegration ?? false },
          vmDashboardIntegration: { enabled: props.vmDashboardIntegration ?? true },
        },
      },
    });
    if (props.values) this.addValues(props.values);
  }

  /** What the written values say: whether the VM dashboard goes through the proxy. */
  public proxyFacts(rendered: RenderedLayer): ProxyFacts {
    return { vmDashboardIntegration: valueAt(rendered.deployed, 'manifests', 'spectro-proxy', 'vmDashboardIntegration', 'enabled') === true };
  }
}
