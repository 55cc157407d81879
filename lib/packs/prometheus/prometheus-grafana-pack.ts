import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { isDnsHostName, isDnsSubdomain } from '../../common/dns-names';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackDefaults } from '../../palette/pack-defaults';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { ProfileVariable, VariableFormat } from '../../palette/profile-variable';
import { Values } from '../../palette/values';
import { SelfSignedIssuerChart } from './self-signed-issuer-chart';

/**
 * The monitoring namespace. Other layers point at it: VMO's `grafana.namespace` and
 * `kubevirt.kubevirtResource.monitorNamespace`, and Portworx autopilot's Prometheus URL.
 */
export const MONITORING_NAMESPACE = 'monitoring';

/**
 * The registered pack name, as best known. Spectro Cloud's own Terraform example looks
 * the pack up as `prometheus-opeartor` (misspelt, in the Public Repo), while the docs page
 * slug and another Terraform example say `prometheus-operator` (pack-values.md §8). Check
 * it with the packs API of your Palette and pass `packName` if it differs.
 */
export const PROMETHEUS_GRAFANA_PACK_NAME = 'prometheus-opeartor';

export interface PrometheusGrafanaPackProps {
  /**
   * The host name Grafana is served on through the Nginx ingress, e.g.
   * `grafana.vmo.example.com`; a profile variable makes it a per-cluster setting.
   */
  readonly grafanaHost: string | ProfileVariable;
  /** The registered pack name. @default 'prometheus-opeartor' (see PROMETHEUS_GRAFANA_PACK_NAME) */
  readonly packName?: string;
  /** The pack version. @default '70.2.1' (RA rev 1.7) */
  readonly version?: string;
  /** @default 20 (RA rev 1.7, Prometheus layer "Install order") */
  readonly installPriority?: number;
  /**
   * `grafana.adminPassword`. The RA writes a sample password here; we never do: it must be
   * a sensitive variable without default, filled in at deploy time.
   * @default a sensitive, required variable 'grafanaAdminPassword' without default
   */
  readonly grafanaAdminPassword?: ProfileVariable;
  /** The ingress class of the Grafana ingress. @default 'nginx' (the RA's Nginx layer) */
  readonly grafanaIngressClassName?: string;
  /** The Secret cert-manager writes Grafana's certificate into. @default 'grafana-tls' */
  readonly grafanaTlsSecretName?: string;
  /** The self-signed Issuer's name. @default 'grafana-selfsigned-issuer' */
  readonly grafanaIssuerName?: string;
  /** The registry the pack comes from; the pack type follows the registry's kind. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /** The pack's complete default values for this version, exported from Palette. @default none */
  readonly defaults?: PackDefaults;
  /** More values, deep-merged last (after the RA settings). @default none */
  readonly values?: Values;
}

/**
 * The RA's Prometheus - Grafana layer (Core add-on profile), values under
 * `charts.kube-prometheus-stack`: the Grafana admin password as a sensitive variable, and
 * Grafana behind the Nginx ingress over HTTPS with a certificate from a self-signed
 * cert-manager Issuer that this layer carries as a manifest.
 */
export class PrometheusGrafanaPack extends PackLayer {
  public readonly grafanaAdminPassword: ProfileVariable;
  /** The manifest with the self-signed Issuer. */
  public readonly issuerChart: SelfSignedIssuerChart;

  constructor(scope: Construct, id: string, props: PrometheusGrafanaPackProps) {
    super(scope, id, {
      name: props.packName ?? PROMETHEUS_GRAFANA_PACK_NAME,
      version: props.version ?? '70.2.1',
      layer: LayerType.ADDON,
      role: LayerRole.MONITORING,
      installPriority: props.installPriority ?? 20,
      namespace: MONITORING_NAMESPACE,
      registry: props.registry,
      defaults: props.defaults,
    });
    this.grafanaAdminPassword = props.grafanaAdminPassword ?? new ProfileVariable('grafanaAdminPassword', {
      displayName: 'Grafana admin password',
      description: 'The password of the Grafana admin user; entered at deploy time',
      format: VariableFormat.STRING,
      required: true,
      isSensitive: true,
    });
    const pw = this.grafanaAdminPassword;
    if (!pw.isSensitive || pw.defaultValue !== undefined) {
      throw new ValidationError(
        `Grafana admin password variable '${pw.name}' must be sensitive and have no default ` +
          `(isSensitive ${pw.isSensitive}, default ${pw.defaultValue === undefined ? 'none' : 'set'}): ` +
          'set isSensitive: true and remove defaultValue so no password is written into the profile',
      );
    }
    const host = props.grafanaHost;
    if (typeof host === 'string') checkHost(host);
    else if (host.defaultValue !== undefined) checkHost(host.defaultValue);
    const className = props.grafanaIngressClassName ?? 'nginx';
    const secretName = props.grafanaTlsSecretName ?? 'grafana-tls';
    const issuerName = props.grafanaIssuerName ?? 'grafana-selfsigned-issuer';
    checkName('ingress class', className, 'nginx');
    checkName('TLS secret', secretName, 'grafana-tls');
    checkName('issuer', issuerName, 'grafana-selfsigned-issuer');

    this.addValues({
      pack: { namespace: MONITORING_NAMESPACE },
      charts: {
        'kube-prometheus-stack': {
          grafana: {
            adminPassword: pw,
            // RA rev 1.7: "grafana.ingress has been enabled and configured, in order to not consume
            // an additional MetalLB IP address and to serve the Grafana site over HTTPS only".
            // With a TLS section, ingress-nginx redirects plain HTTP to HTTPS.
            ingress: {
              enabled: true,
              ingressClassName: className,
              annotations: { 'cert-manager.io/issuer': issuerName },
              hosts: [props.grafanaHost],
              tls: [{ secretName, hosts: [props.grafanaHost] }],
            },
          },
        },
      },
    });
    this.issuerChart = new SelfSignedIssuerChart(this, 'grafana-issuer', { issuerName, namespace: MONITORING_NAMESPACE });
    if (props.values) this.addValues(props.values);
  }
}

function checkName(what: string, name: string, example: string): void {
  if (!isDnsSubdomain(name)) {
    throw new ValidationError(`Grafana ${what} name '${name}' is invalid: use lowercase letters, digits, '-' and '.' (e.g. '${example}')`);
  }
}

/** An Ingress host: a lowercase DNS name, `*.` allowed first. */
function checkHost(host: string): void {
  if (!isDnsHostName(host, { wildcard: true })) {
    throw new ValidationError(`Grafana host '${host}' is not a valid DNS name: use lowercase labels of letters, digits and '-' separated by dots (e.g. 'grafana.vmo.example.com')`);
  }
}
