import { Construct } from 'constructs';
import { cidrOverlapProblem, cidrProblem } from '../../common/ipv4-block';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { ProfileVariable } from '../../palette/profile-variable';
import { RenderedLayer, valueAt } from '../../palette/rendered';
import { addRuleCheck } from '../../palette/rule-validation';
import { ValueNode, Values } from '../../palette/values';
import { IKubernetesLayer, KubernetesFacts } from '../facts';
import { KUBELET_DROP_IN_DIR } from '../kubelet';
import { IdentityProvider } from './identity-provider';

/** The RA's pod CIDR (RA rev 1.7, Kubernetes layer: the variable "defaults to 100.64.0.0/18"). */
export const PXK_RA_POD_CIDR = '100.64.0.0/18';
/** The RA's service CIDR (RA rev 1.7, Kubernetes layer: the variable "defaults to 100.64.64.0/18"). */
export const PXK_RA_SERVICE_CIDR = '100.64.64.0/18';
/** The PXK version of RA rev 1.7. */
export const PXK_RA_VERSION = '1.32.4';
/** kube-controller-manager's default pod CIDR block per node, /24 (RA "Solution Sizing": "64 sub-CIDRs of /24 each"). */
export const DEFAULT_NODE_CIDR_MASK_SIZE = 24;

export interface PaletteKubernetesPackProps {
  /** The PXK pack version. @default '1.32.4' (RA rev 1.7) */
  readonly version?: string;
  /** The registry the pack comes from; the pack type follows the registry's kind. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /** The pack's complete default values, exported from your Palette. @default none: the values hold only the RA settings */
  readonly defaults?: PackDefaults;
  /**
   * `pack.podCIDR`. RA rev 1.6+ makes it a read-only profile variable; pass one to get a
   * generic profile.
   * @default '100.64.0.0/18'
   */
  readonly podCIDR?: string | ProfileVariable;
  /**
   * `pack.serviceClusterIpRange` (the pack spells it `Ip`). A profile variable in RA rev 1.6+.
   * @default '100.64.64.0/18'
   */
  readonly serviceClusterIpRange?: string | ProfileVariable;
  /** `pack.palette.config.dashboard.identityProvider`. @default IdentityProvider.PALETTE (RA rev 1.7) */
  readonly identityProvider?: IdentityProvider;
  /**
   * The pod CIDR block each node gets (kube-controller-manager `--node-cidr-mask-size`), which
   * Cilium's `kubernetes` IPAM uses. Written only when set.
   * @default not written (Kubernetes' 24)
   */
  readonly nodeCidrMaskSize?: number;
  /**
   * More names the API server certificate carries (`kubeadmconfig.apiServer.certSANs`), e.g.
   * the Spectro Proxy host name of a Palette-deployed cluster (librarium frp.md).
   * @default none
   */
  readonly certSANs?: readonly string[];
  /** More values, deep-merged last (e.g. Pod Security Standard exemptions). @default none */
  readonly values?: Values;
}

/**
 * Palette eXtended Kubernetes (pack `kubernetes`, layer `k8s`) as the RA configures it:
 * pod and service CIDRs, the OIDC identity provider for the VMO dashboard, and kubelet's
 * `--config-dir` pointing at the drop-in directory the OS layer writes.
 *
 * No presets are enabled. The PXK 1.32.4 defaults carry the header
 * `Kube Controller Manager:loopback-ctrlmgr,Kube Scheduler:loopback-scheduler` (plus an Azure
 * group), but the bodies of those presets are not published (pack-values.md §3, §13 item 4),
 * so they are not defined here rather than invented. Exported `defaults` still hold their
 * effect. Likewise the RA states no apiServer or Pod Security Standard change, so none is made.
 */
export class PaletteKubernetesPack extends PackLayer implements IKubernetesLayer {
  public readonly podCIDR: string | ProfileVariable;
  public readonly serviceClusterIpRange: string | ProfileVariable;
  public readonly identityProvider: IdentityProvider;
  /** True when the VM dashboard runs without authentication (an explicit opt-in; site rule SEC-003). */
  public readonly dashboardUnauthenticated: boolean;
  /** kubelet's `--config-dir`: where the OS layer's kubelet tuning drop-in lands. */
  public readonly kubeletConfigDir: string = KUBELET_DROP_IN_DIR;

  constructor(scope: Construct, id: string, props: PaletteKubernetesPackProps = {}) {
    const registry = props.registry ?? PackRegistry.PUBLIC_REPO;
    super(scope, id, {
      name: 'kubernetes',
      version: props.version ?? PXK_RA_VERSION,
      layer: LayerType.K8S,
      role: LayerRole.KUBERNETES,
      registry,
      defaults: props.defaults,
    });
    this.podCIDR = props.podCIDR ?? PXK_RA_POD_CIDR;
    this.serviceClusterIpRange = props.serviceClusterIpRange ?? PXK_RA_SERVICE_CIDR;
    this.identityProvider = props.identityProvider ?? IdentityProvider.PALETTE;
    this.dashboardUnauthenticated = this.identityProvider.dashboardUnauthenticated;
    // librarium kubernetes.md: the service range must not overlap any range assigned to pods (site rule NET-002).
    const pod = typeof this.podCIDR === 'string' ? { label: 'pod CIDR', text: this.podCIDR } : undefined;
    const service = typeof this.serviceClusterIpRange === 'string' ? { label: 'service CIDR', text: this.serviceClusterIpRange } : undefined;
    addRuleCheck(this, 'NET-001', () =>
      [pod && cidrProblem(pod, PXK_RA_POD_CIDR), service && cidrProblem(service, PXK_RA_SERVICE_CIDR)].filter((p): p is string => !!p),
    );
    if (pod && service) addRuleCheck(this, 'NET-002', () => [cidrOverlapProblem(pod, service)].filter((p): p is string => !!p));
    const mask = props.nodeCidrMaskSize;
    if (mask !== undefined && (!Number.isInteger(mask) || mask < 1 || mask > 32)) {
      addRuleCheck(this, 'NET-003', () => [`node CIDR mask size ${mask} is invalid: use a whole number from the pod CIDR's prefix to 32, normally 24`]);
    }

    this.addValues({
      pack: {
        podCIDR: this.podCIDR,
        serviceClusterIpRange: this.serviceClusterIpRange,
        palette: { config: { dashboard: { identityProvider: this.identityProvider.value } } },
      },
      kubeadmconfig: {
        ...mergeApiServer(oidcValues(this.identityProvider), props.certSANs ?? []),
        // kube-controller-manager hands each node a pod CIDR block of this size; Cilium's kubernetes IPAM uses it.
        ...(mask !== undefined ? { controllerManager: { extraArgs: { 'node-cidr-mask-size': String(mask) } } } : {}),
        // RA rev 1.7: "The --config-dir extra argument for kubelet is added, enabling the use of the
        // /etc/kubernetes/kubelet.conf.d directory for drop-in configuration files".
        kubeletExtraArgs: { 'config-dir': this.kubeletConfigDir },
      },
    });
    if (props.values) this.addValues(props.values);
  }

  /** What the written values say: the CIDRs, the node block size, the identity provider. */
  public kubernetesFacts(rendered: RenderedLayer): KubernetesFacts {
    const v = rendered.deployed;
    const text = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : undefined);
    const mask = Number(text(valueAt(v, 'kubeadmconfig', 'controllerManager', 'extraArgs', 'node-cidr-mask-size')) ?? DEFAULT_NODE_CIDR_MASK_SIZE);
    const issuerUrl = text(valueAt(v, 'kubeadmconfig', 'apiServer', 'extraArgs', 'oidc-issuer-url'));
    const clientId = text(valueAt(v, 'kubeadmconfig', 'apiServer', 'extraArgs', 'oidc-client-id'));
    return {
      version: rendered.pack.version,
      podCidr: text(valueAt(v, 'pack', 'podCIDR')),
      serviceCidr: text(valueAt(v, 'pack', 'serviceClusterIpRange')),
      nodePodCidrPrefix: mask,
      identityProvider: text(valueAt(v, 'pack', 'palette', 'config', 'dashboard', 'identityProvider')),
      ...(issuerUrl !== undefined || clientId !== undefined ? { oidc: { issuerUrl, clientId } } : {}),
    };
  }
}

/** Adds the extra certificate names to the apiServer block of the OIDC values. */
function mergeApiServer(values: { [key: string]: ValueNode }, certSANs: readonly string[]): { [key: string]: ValueNode } {
  if (!certSANs.length) return values;
  const apiServer = (values.apiServer ?? {}) as { [key: string]: ValueNode };
  return { ...values, apiServer: { ...apiServer, certSANs: [...certSANs] } };
}

/** The kube-apiserver flags (and kubeconfig client config) of a custom OIDC provider. */
function oidcValues(idp: IdentityProvider): { [key: string]: ValueNode } {
  const oidc = idp.oidc;
  if (!oidc) return {};
  const extraArgs: { [key: string]: ValueNode } = {
    'oidc-issuer-url': oidc.issuerUrl,
    'oidc-client-id': oidc.clientId,
    'oidc-username-claim': oidc.usernameClaim ?? 'email',
    'oidc-groups-claim': oidc.groupsClaim ?? 'groups',
  };
  if (oidc.usernamePrefix !== undefined) extraArgs['oidc-username-prefix'] = oidc.usernamePrefix;
  if (oidc.groupsPrefix !== undefined) extraArgs['oidc-groups-prefix'] = oidc.groupsPrefix;
  const values: { [key: string]: ValueNode } = { apiServer: { extraArgs } };
  if (oidc.clientSecret) {
    values.clientConfig = {
      'oidc-issuer-url': oidc.issuerUrl,
      'oidc-client-id': oidc.clientId,
      'oidc-client-secret': oidc.clientSecret,
      'oidc-extra-scope': oidc.extraScopes ?? 'profile,email',
    };
  }
  return values;
}
