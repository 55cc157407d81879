import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { LayerType } from '../../palette/layer-type';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { ProfileVariable } from '../../palette/profile-variable';
import { ValueNode, Values } from '../../palette/values';
import { KUBELET_DROP_IN_DIR } from '../kubelet';
import { IdentityProvider } from './identity-provider';
import { Ipv4Cidr } from '../../common/ipv4-cidr';

/** The RA's pod CIDR (RA rev 1.7, Kubernetes layer: the variable "defaults to 100.64.0.0/18"). */
export const PXK_RA_POD_CIDR = '100.64.0.0/18';
/** The RA's service CIDR (RA rev 1.7, Kubernetes layer: the variable "defaults to 100.64.64.0/18"). */
export const PXK_RA_SERVICE_CIDR = '100.64.64.0/18';

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
export class PaletteKubernetesPack extends PackLayer {
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
      version: props.version ?? '1.32.4',
      layer: LayerType.K8S,
      registry,
      defaults: props.defaults,
    });
    this.podCIDR = props.podCIDR ?? PXK_RA_POD_CIDR;
    this.serviceClusterIpRange = props.serviceClusterIpRange ?? PXK_RA_SERVICE_CIDR;
    this.identityProvider = props.identityProvider ?? IdentityProvider.PALETTE;
    this.dashboardUnauthenticated = this.identityProvider.dashboardUnauthenticated;
    checkCidrs(this.podCIDR, this.serviceClusterIpRange);

    this.addValues({
      pack: {
        podCIDR: this.podCIDR,
        serviceClusterIpRange: this.serviceClusterIpRange,
        palette: { config: { dashboard: { identityProvider: this.identityProvider.value } } },
      },
      kubeadmconfig: {
        ...oidcValues(this.identityProvider),
        // RA rev 1.7: "The --config-dir extra argument for kubelet is added, enabling the use of the
        // /etc/kubernetes/kubelet.conf.d directory for drop-in configuration files".
        kubeletExtraArgs: { 'config-dir': this.kubeletConfigDir },
      },
    });
    if (props.values) this.addValues(props.values);
  }
}

/** Validates literal CIDRs; variables are checked at site level (their defaults, PAL-002). */
function checkCidrs(pod: string | ProfileVariable, service: string | ProfileVariable): void {
  const podCidr = typeof pod === 'string' ? Ipv4Cidr.parse(pod, 'pod CIDR') : undefined;
  const serviceCidr = typeof service === 'string' ? Ipv4Cidr.parse(service, 'service CIDR') : undefined;
  if (podCidr && serviceCidr && podCidr.overlaps(serviceCidr)) {
    // librarium kubernetes.md: the service range must not overlap any range assigned to pods.
    throw new ValidationError(
      `pod CIDR '${podCidr}' and service CIDR '${serviceCidr}' overlap: choose disjoint ranges, e.g. '${PXK_RA_POD_CIDR}' and '${PXK_RA_SERVICE_CIDR}'`,
    );
  }
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
