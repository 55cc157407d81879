import { LayerType, PaletteApp, PaletteSite, ProfileVariable } from '../../lib/palette';
import { PrometheusGrafanaPack, PrometheusGrafanaPackProps } from '../../lib/packs/prometheus';
import { renderLayer } from '../helpers';

const HOST = 'grafana.vmo.example.com';

function prometheus(props: Partial<PrometheusGrafanaPackProps> = {}) {
  const app = new PaletteApp();
  return new PrometheusGrafanaPack(new PaletteSite(app, 'test'), 'prometheus', { grafanaHost: HOST, ...props });
}

describe('PrometheusGrafanaPack', () => {
  test('defaults', () => {
    const layer = prometheus();
    const { json, values, manifests } = renderLayer(layer);
    expect(json.name).toBe('prometheus-opeartor');
    expect(json.version).toBe('70.2.1');
    expect(json.layer).toBe(LayerType.ADDON.value);
    expect(values.pack.namespace).toBe('monitoring');
    expect(values.pack['spectrocloud.com/install-priority']).toBe('20');

    const grafana = values.charts['kube-prometheus-stack'].grafana;
    expect(grafana.adminPassword).toBe('{{.spectro.var.grafanaAdminPassword}}');
    const [password] = layer.variables;
    expect(layer.variables).toHaveLength(1);
    expect(password.name).toBe('grafanaAdminPassword');
    expect(password.isSensitive).toBe(true);
    expect(password.defaultValue).toBeUndefined();
    expect(password.toJson()).not.toHaveProperty('defaultValue');
    // The RA's sample password never lands in the profile.
    expect(JSON.stringify(json)).not.toContain('welcome');
    expect(JSON.stringify(password.toJson())).not.toContain('welcome');

    expect(grafana.ingress.enabled).toBe(true);
    expect(grafana.ingress.ingressClassName).toBe('nginx');
    expect(grafana.ingress.annotations['cert-manager.io/issuer']).toBe('grafana-selfsigned-issuer');
    expect(grafana.ingress.hosts).toEqual([HOST]);
    expect(grafana.ingress.tls).toEqual([{ secretName: 'grafana-tls', hosts: [HOST] }]);

    expect(Object.keys(manifests)).toEqual(['grafana-issuer']);
    const [issuer] = manifests['grafana-issuer'];
    expect(manifests['grafana-issuer']).toHaveLength(1);
    expect(issuer.apiVersion).toBe('cert-manager.io/v1');
    expect(issuer.kind).toBe('Issuer');
    expect(issuer.metadata).toEqual({ name: 'grafana-selfsigned-issuer', namespace: 'monitoring' });
    expect(issuer.spec).toEqual({ selfSigned: {} });
    expect(json).toMatchSnapshot();
  });

  test('custom pack name, names and a variable host', () => {
    const host = new ProfileVariable('grafanaHost', { displayName: 'Grafana host name', defaultValue: HOST });
    const password = new ProfileVariable('monitoringPassword', { isSensitive: true, required: true });
    const layer = prometheus({
      packName: 'prometheus-operator',
      installPriority: 25,
      grafanaHost: host,
      grafanaAdminPassword: password,
      grafanaIngressClassName: 'internal-nginx',
      grafanaTlsSecretName: 'grafana-cert',
      grafanaIssuerName: 'monitoring-ca',
    });
    const { json, values, manifests } = renderLayer(layer);
    expect(json.name).toBe('prometheus-operator');
    expect(values.pack['spectrocloud.com/install-priority']).toBe('25');
    const grafana = values.charts['kube-prometheus-stack'].grafana;
    expect(grafana.adminPassword).toBe('{{.spectro.var.monitoringPassword}}');
    expect(grafana.ingress.ingressClassName).toBe('internal-nginx');
    expect(grafana.ingress.annotations['cert-manager.io/issuer']).toBe('monitoring-ca');
    expect(grafana.ingress.hosts).toEqual(['{{.spectro.var.grafanaHost}}']);
    expect(grafana.ingress.tls).toEqual([{ secretName: 'grafana-cert', hosts: ['{{.spectro.var.grafanaHost}}'] }]);
    expect(manifests['grafana-issuer'][0].metadata.name).toBe('monitoring-ca');
    expect(layer.variables.map((v) => v.name).sort()).toEqual(['grafanaHost', 'monitoringPassword']);
  });

  test('custom wildcard host', () => {
    const { values } = renderLayer(prometheus({ grafanaHost: '*.apps.example.com' }));
    expect(values.charts['kube-prometheus-stack'].grafana.ingress.hosts).toEqual(['*.apps.example.com']);
  });

  test('custom extra values merge last', () => {
    const { values } = renderLayer(prometheus({ values: { charts: { 'kube-prometheus-stack': { grafana: { ingress: { path: '/' } } } } } }));
    const ingress = values.charts['kube-prometheus-stack'].grafana.ingress;
    expect(ingress.path).toBe('/');
    expect(ingress.enabled).toBe(true);
  });

  test('fails with a password variable that is not sensitive', () => {
    const grafanaAdminPassword = new ProfileVariable('grafanaPw', { required: true });
    expect(() => prometheus({ grafanaAdminPassword })).toThrow(/password variable 'grafanaPw' must be sensitive and have no default \(isSensitive false/);
  });

  test('fails with a password variable that has a default', () => {
    const grafanaAdminPassword = new ProfileVariable('grafanaPw', { isSensitive: true, defaultValue: 'not-a-secret' });
    expect(() => prometheus({ grafanaAdminPassword })).toThrow(/password variable 'grafanaPw' must be sensitive and have no default .*default set/);
  });

  test.each([
    ['upper case', 'Grafana.example.com'],
    ['an underscore', 'grafana_vmo.example.com'],
    ['an empty label', 'grafana..example.com'],
    ['a URL', 'https://grafana.example.com'],
  ])('fails with a host with %s', (_what, grafanaHost) => {
    expect(() => prometheus({ grafanaHost })).toThrow(`Grafana host '${grafanaHost}' is not a valid DNS name`);
  });

  test('fails with an invalid ingress class', () => {
    expect(() => prometheus({ grafanaIngressClassName: 'Nginx' })).toThrow(/ingress class name 'Nginx' is invalid/);
  });

  test('fails with an invalid TLS secret name', () => {
    expect(() => prometheus({ grafanaTlsSecretName: 'grafana tls' })).toThrow(/TLS secret name 'grafana tls' is invalid/);
  });

  test('fails with an invalid issuer name', () => {
    expect(() => prometheus({ grafanaIssuerName: 'self_signed' })).toThrow(/issuer name 'self_signed' is invalid/);
  });

  test('fails with an invalid pack name', () => {
    expect(() => prometheus({ packName: 'Prometheus Grafana' })).toThrow(/pack name 'Prometheus Grafana' is invalid/);
  });

  test('fails with a fractional install priority', () => {
    expect(() => prometheus({ installPriority: 20.5 })).toThrow(/install priority 20\.5/);
  });
});
