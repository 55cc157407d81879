import { KUBELET_DROP_IN_DIR } from '../../lib/packs/kubelet';
import { IdentityProvider, PaletteKubernetesPack, PaletteKubernetesPackProps } from '../../lib/packs/kubernetes';
import { LayerType, PackDefaults, PackRegistry, PaletteApp, PaletteSite, ProfileVariable, VariableFormat } from '../../lib/palette';
import { renderLayer, ruleChecks, validationError } from '../helpers';

function pxk(props: PaletteKubernetesPackProps = {}) {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const site = new PaletteSite(app, 'test');
  return new PaletteKubernetesPack(site, 'kubernetes', props);
}

const failure = validationError;

describe('PaletteKubernetesPack', () => {
  test('defaults', () => {
    const layer = pxk();
    const { json, values, presets } = renderLayer(layer);

    expect(json).toMatchObject({ name: 'kubernetes', layer: 'k8s', type: 'spectro', version: '1.32.4', tag: '1.32.4' });
    expect(json.registry.metadata.name).toBe('Public Repo');
    expect(layer.layerType).toBe(LayerType.K8S);
    // RA rev 1.7 Kubernetes layer
    expect(values.pack.podCIDR).toBe('100.64.0.0/18');
    expect(values.pack.serviceClusterIpRange).toBe('100.64.64.0/18');
    expect(values.pack.palette.config.dashboard.identityProvider).toBe('palette');
    expect(values.kubeadmconfig.kubeletExtraArgs['config-dir']).toBe('/etc/kubernetes/kubelet.conf.d');
    expect(values.kubeadmconfig.kubeletExtraArgs['config-dir']).toBe(KUBELET_DROP_IN_DIR);
    // no invented presets: the published default selection (the 1.32.4 defaults' header), no OIDC flags for the Palette provider
    expect(presets).toEqual(['Kube Controller Manager:loopback-ctrlmgr', 'Kube Scheduler:loopback-scheduler', 'Azure Disk Encryption Set:disable-azure-disk-encryption']);
    const oidcFlags = (v: any) => Object.keys(v.kubeadmconfig.apiServer.extraArgs).filter((k) => k.startsWith('oidc-'));
    expect(oidcFlags(values)).toEqual([]);
    // the published defaults' hardening stays (complete values, as Palette's UI holds them)
    expect(values.kubeadmconfig.apiServer.extraArgs['audit-log-path']).toBe('/var/log/apiserver/audit.log');
    expect(layer.dashboardUnauthenticated).toBe(false);
    expect(layer.variables).toEqual([]);
    expect(json).toMatchSnapshot();
  });

  test('custom variables for pod and service CIDR render as references and are declared on the layer', () => {
    const podCidr = new ProfileVariable('podCidr', { format: VariableFormat.IPV4_CIDR, defaultValue: '100.64.0.0/18', immutable: true });
    const serviceCidr = new ProfileVariable('serviceCidr', { format: VariableFormat.IPV4_CIDR, defaultValue: '100.64.64.0/18', immutable: true });
    const layer = pxk({ podCIDR: podCidr, serviceClusterIpRange: serviceCidr });
    const { json, values } = renderLayer(layer);

    expect(values.pack.podCIDR).toBe('{{.spectro.var.podCidr}}');
    expect(values.pack.serviceClusterIpRange).toBe('{{.spectro.var.serviceCidr}}');
    expect(json.values).toContain(`podCIDR: '{{.spectro.var.podCidr}}'`);
    expect(layer.variables.map((v) => v.name).sort()).toEqual(['podCidr', 'serviceCidr']);
    expect(layer.podCIDR).toBe(podCidr);
  });

  test('custom literal CIDRs and version', () => {
    const { json, values } = renderLayer(pxk({ version: '1.32.6', podCIDR: '100.64.0.0/17', serviceClusterIpRange: '100.64.128.0/17' }));
    expect(json.version).toBe('1.32.6');
    expect(values.pack.podCIDR).toBe('100.64.0.0/17');
    expect(values.pack.serviceClusterIpRange).toBe('100.64.128.0/17');
  });

  test('custom tenant identity provider', () => {
    const layer = pxk({ identityProvider: IdentityProvider.TENANT });
    expect(renderLayer(layer).values.pack.palette.config.dashboard.identityProvider).toBe('tenant');
    expect(layer.dashboardUnauthenticated).toBe(false);
  });

  test('custom OIDC provider writes the kube-apiserver flags and the kubeconfig client config', () => {
    const secret = new ProfileVariable('oidcClientSecret', { isSensitive: true });
    const layer = pxk({
      identityProvider: IdentityProvider.custom({
        issuerUrl: 'https://idp.example.com/realms/main',
        clientId: 'vmo-cluster',
        usernamePrefix: '-',
        clientSecret: secret,
      }),
    });
    const { values } = renderLayer(layer);

    expect(values.pack.palette.config.dashboard.identityProvider).toBe('none');
    expect(values.kubeadmconfig.apiServer.extraArgs).toMatchObject({
      'oidc-issuer-url': 'https://idp.example.com/realms/main',
      'oidc-client-id': 'vmo-cluster',
      'oidc-username-claim': 'email',
      'oidc-groups-claim': 'groups',
      'oidc-username-prefix': '-',
    });
    expect(values.kubeadmconfig.apiServer.extraArgs.profiling).toBe('false');
    expect(values.kubeadmconfig.clientConfig).toEqual({
      'oidc-issuer-url': 'https://idp.example.com/realms/main',
      'oidc-client-id': 'vmo-cluster',
      'oidc-client-secret': '{{.spectro.var.oidcClientSecret}}',
      'oidc-extra-scope': 'profile,email',
    });
    expect(values.kubeadmconfig.kubeletExtraArgs['config-dir']).toBe(KUBELET_DROP_IN_DIR);
    expect(layer.variables.map((v) => v.name)).toEqual(['oidcClientSecret']);
    expect(layer.dashboardUnauthenticated).toBe(false);
  });

  test('custom OIDC without client secret writes no client config', () => {
    const { values } = renderLayer(pxk({ identityProvider: IdentityProvider.custom({ issuerUrl: 'https://idp.example.com', clientId: 'k8s' }) }));
    expect(values.kubeadmconfig.apiServer.extraArgs['oidc-client-id']).toBe('k8s');
    expect(values.kubeadmconfig.clientConfig).toBeUndefined();
  });

  test('custom noauth with a reason is written and reported as unauthenticated', () => {
    const layer = pxk({ identityProvider: IdentityProvider.noAuth({ reason: 'isolated lab without an IdP' }) });
    expect(renderLayer(layer).values.pack.palette.config.dashboard.identityProvider).toBe('noauth');
    expect(layer.dashboardUnauthenticated).toBe(true);
    expect(layer.identityProvider.unauthenticatedReason).toBe('isolated lab without an IdP');
  });

  test('custom without OIDC settings with a reason is unauthenticated too', () => {
    const layer = pxk({ identityProvider: IdentityProvider.customWithoutOidc({ reason: 'OIDC flags come from exported defaults' }) });
    const { values } = renderLayer(layer);
    expect(values.pack.palette.config.dashboard.identityProvider).toBe('none');
    expect(Object.keys(values.kubeadmconfig.apiServer.extraArgs).filter((k) => k.startsWith('oidc-'))).toEqual([]);
    expect(layer.dashboardUnauthenticated).toBe(true);
  });

  test('custom defaults and extra values merge with the RA settings', () => {
    const defaults = PackDefaults.fromYaml(`pack:
  k8sHardening: True
  podCIDR: "192.168.0.0/16"
  serviceClusterIpRange: "10.96.0.0/12"
kubeadmconfig:
  kubeletExtraArgs:
    read-only-port: "0"
`);
    const { values } = renderLayer(pxk({ defaults, values: { kubeadmconfig: { kubeletExtraArgs: { 'event-qps': '0' } } } }));
    expect(values.pack.k8sHardening).toBe(true);
    expect(values.pack.podCIDR).toBe('100.64.0.0/18');
    expect(values.pack.serviceClusterIpRange).toBe('100.64.64.0/18');
    expect(values.kubeadmconfig.kubeletExtraArgs).toEqual({ 'read-only-port': '0', 'config-dir': KUBELET_DROP_IN_DIR, 'event-qps': '0' });
  });

  test('custom OCI registry sets the pack type', () => {
    const { json } = renderLayer(pxk({ registry: PackRegistry.PALETTE_REGISTRY }));
    expect(json.type).toBe('oci');
    expect(json.registry.metadata.name).toBe('Palette Registry');
  });

  test('fails on a pod CIDR that is not a CIDR', () => {
    expect(failure(() => pxk({ podCIDR: '100.64.0.0' })).message).toMatch(/pod CIDR '100\.64\.0\.0' is not an IPv4 CIDR/);
    expect(failure(() => pxk({ podCIDR: '10.1/8' })).message).toContain(`'10.1/8'`);
    expect(failure(() => pxk({ podCIDR: '100.64.0.0/33' })).message).toContain(`'100.64.0.0/33'`);
  });

  test('fails on a pod CIDR with host bits set', () => {
    expect(failure(() => pxk({ podCIDR: '100.64.0.1/18' })).message).toBe('pod CIDR 100.64.0.1/18 has host bits set: use 100.64.0.0/18');
  });

  test('fails on a service CIDR that is not a CIDR', () => {
    expect(failure(() => pxk({ serviceClusterIpRange: 'services' })).message).toMatch(/service CIDR 'services' is not an IPv4 CIDR/);
  });

  test('fails on a service CIDR with host bits set', () => {
    expect(failure(() => pxk({ serviceClusterIpRange: '100.64.65.0/18' })).message).toBe(
      'service CIDR 100.64.65.0/18 has host bits set: use 100.64.64.0/18',
    );
  });

  test('fails on overlapping pod and service CIDRs', () => {
    const e = failure(() => pxk({ podCIDR: '100.64.0.0/17', serviceClusterIpRange: '100.64.64.0/18' }));
    expect(e.message).toBe('service CIDR 100.64.64.0/18 overlaps the pod CIDR 100.64.0.0/17: every network needs its own addresses; move the service CIDR to a range no other network uses');
    // Reported under the rule the site checks it with, so a VMO site reports it once.
    expect(ruleChecks(pxk({ podCIDR: '100.64.0.0/17', serviceClusterIpRange: '100.64.64.0/18' })).map(([id]) => id)).toEqual(['NET-002']);
  });

  test('fails on noauth without a reason', () => {
    expect(failure(() => IdentityProvider.noAuth({ reason: '' })).message).toMatch(/IdentityProvider\.noAuth reason '' is too short/);
    expect(failure(() => IdentityProvider.noAuth({ reason: '  lab   ' })).message).toMatch(/reason 'lab' is too short.*at least 10 characters/);
  });

  test('fails on custom without OIDC settings without a reason', () => {
    expect(failure(() => IdentityProvider.customWithoutOidc({ reason: 'testing' })).message).toMatch(/customWithoutOidc reason 'testing' is too short/);
  });

  test('fails on a custom OIDC issuer that is not https', () => {
    expect(failure(() => IdentityProvider.custom({ issuerUrl: 'http://idp.example.com', clientId: 'k8s' })).message).toMatch(
      /OIDC issuer URL 'http:\/\/idp\.example\.com' is invalid: kube-apiserver accepts only an https URL/,
    );
    expect(failure(() => IdentityProvider.custom({ issuerUrl: 'idp', clientId: 'k8s' })).message).toContain(`'idp'`);
  });

  test('fails on an empty custom OIDC client id', () => {
    expect(failure(() => IdentityProvider.custom({ issuerUrl: 'https://idp.example.com', clientId: ' ' })).message).toMatch(/OIDC client id ' ' is empty/);
  });

  test('fails on an OIDC client secret that is not a sensitive variable without default', () => {
    const plain = new ProfileVariable('oidcSecret', { defaultValue: 'not-a-secret' });
    expect(failure(() => IdentityProvider.custom({ issuerUrl: 'https://idp.example.com', clientId: 'k8s', clientSecret: plain })).message).toMatch(
      /OIDC client secret variable 'oidcSecret' must be sensitive and have no default/,
    );
  });

  test('fails on OIDC extra scopes without a client secret', () => {
    expect(failure(() => IdentityProvider.custom({ issuerUrl: 'https://idp.example.com', clientId: 'k8s', extraScopes: 'groups' })).message).toMatch(
      /OIDC extraScopes 'groups' only apply to the kubeconfig client config/,
    );
  });
});
