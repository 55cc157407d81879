import {
  ClusterProfile, CloudType, FindingLevel, isBlocking, LayerType, PackLayer, PaletteApp, PaletteSite, ProfileType, ProfileVariable, SEC_001, SEC_002,
  VariableFormat, VariableInputType,
} from '../../lib/palette';
import { RA, handSite, manifestLayer, packLayer, site } from '../rules/fixtures';
import { synthError, validationError } from '../helpers';

const ERROR = FindingLevel.ERROR;
const grafana = (s: PaletteSite, adminPassword: unknown) =>
  packLayer(s, 'prometheus-opeartor', LayerType.ADDON, { charts: { 'kube-prometheus-stack': { grafana: { adminPassword: adminPassword as string } } } }, { priority: 20 });
const secret = (data: Record<string, string>, field = 'data') => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'px-pure-secret', namespace: 'portworx' }, type: 'Opaque', [field]: data });
const b64 = (s: string) => Buffer.from(s).toString('base64');
const unattend = (password: string) =>
  `<unattend><UserAccounts>\n  <AdministratorPassword>\n    <Value>${password}</Value>\n    <PlainText>true</PlainText>\n  </AdministratorPassword>\n</UserAccounts></unattend>\n`;
const cm = (xml: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'win-unattend-xml', namespace: 'default' }, data: { 'unattend.xml': xml } });
const vm = (userData: string) => ({
  apiVersion: 'spectrocloud.com/v1',
  kind: 'VmTemplate',
  metadata: { name: 'ubuntu-2204' },
  spec: { template: { spec: { volumes: [{ name: 'cloudinitdisk', cloudInitNoCloud: { userData } }] } } },
});
const FIX = 'make it a sensitive profile variable without default and reference it, so the value is entered at deploy time';

describe('SEC-001 no secret in the output (every site, whatever built it)', () => {
  test('passes on the RA site and when every secret is a profile variable reference', () => {
    expect(SEC_001.check(site(RA).render())).toEqual([]);
    const pureJson = JSON.stringify({ FlashArrays: [{ MgmtEndPoint: '172.16.200.50', APIToken: '{{.spectro.var.flashArrayApiToken}}' }] });
    const rendered = handSite((s) => [
      grafana(s, '{{.spectro.var.grafanaAdminPassword}}'),
      packLayer(s, 'csi-portworx-generic', LayerType.CSI, { charts: { 'portworx-generic': { license: { enterprise: { activationId: '{{ .spectro.var.portworxActivationId }}', activateLicense: true } } } } }),
      manifestLayer(s, 'vmo-vmtemplates', 40, { 'px-pure-secret': [secret({ 'pure.json': pureJson }, 'stringData')], 'cm-unattend-xml': [cm(unattend('{{.spectro.var.windowsAdminPassword}}'))] }),
    ]);
    expect(SEC_001.check(rendered)).toEqual([]);
  });

  test('fails on a literal Grafana password without repeating it', () => {
    const v = SEC_001.check(handSite((s) => [grafana(s, 'hunter22')]));
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer prometheus-opeartor, values',
        message: `'adminPassword' at charts.kube-prometheus-stack.grafana.adminPassword holds a literal value (8 characters, not shown): ${FIX}`,
      },
    ]);
    expect(v[0].message).not.toContain('hunter22');
    expect(SEC_001.level).toBe(ERROR);
  });

  test('fails on a numeric secret, secret env var pairs, secret and credentials keys and a px-license key', () => {
    const rendered = handSite((s) => [
      grafana(s, 987654321012),
      packLayer(s, 'csi-portworx-generic', LayerType.CSI, {
        charts: {
          'portworx-generic': {
            storageCluster: { spec: { env: [{ name: 'PX_ACTIVATION_ID', value: 'ZZSECRET-PX-1111' }, { name: 'PURE_FA_API_TOKEN', value: 'ZZSECRET-FA-2222' }, { name: 'PURE_FLASHARRAY_SAN_TYPE', value: 'FC' }] } },
          },
        },
      }),
      manifestLayer(s, 'extras', 40, { license: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'px-license' }, stringData: { 'px-license': 'ZZSECRET-LIC-3333' } }] }),
      packLayer(s, 'grafana-extra', LayerType.ADDON, { grafana: { secret: 'ZZSECRET-GR-4444', credentials: 'ZZSECRET-GR-5555' } }),
    ]);
    const v = SEC_001.check(rendered);
    expect(v.map((x) => x.message)).toEqual([
      expect.stringContaining("'adminPassword' at charts.kube-prometheus-stack.grafana.adminPassword holds a literal value (12 characters"),
      expect.stringContaining("'value' at charts.portworx-generic.storageCluster.spec.env[0].value holds a literal value (16 characters"),
      expect.stringContaining("'value' at charts.portworx-generic.storageCluster.spec.env[1].value holds a literal value (16 characters"),
      expect.stringContaining("'px-license' at stringData.px-license holds a literal value"),
      expect.stringContaining("'secret' at grafana.secret holds a literal value"),
      expect.stringContaining("'credentials' at grafana.credentials holds a literal value"),
    ]);
    expect(v.map((x) => x.message).join('\n')).not.toMatch(/ZZSECRET|987654321012/);
  });

  test('fails on license ids, an API token in base64 Secret data, a private key, an unattend password and a cloud-init password', () => {
    const pureJson = JSON.stringify({ FlashArrays: [{ MgmtEndPoint: '172.16.200.50', APIToken: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' }] });
    const key = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tls' }, data: { 'tls.key': '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n' } };
    const rendered = handSite((s) => [
      packLayer(s, 'csi-portworx-generic', LayerType.CSI, { charts: { 'portworx-generic': { license: { enterprise: { activationId: 'your_license_key' }, saas: { key: 'PAYG-123' } } } } }),
      manifestLayer(s, 'vmo-extras', 40, {
        'px-pure-secret': [secret({ 'pure.json': b64(pureJson) })],
        tls: [key],
        'cm-unattend-xml': [cm(unattend('Sup3rSecret'))],
        'vmtemplate-ubuntu-2204': [vm('#cloud-config\nuser: ubuntu\npassword: n0tAsample\nchpasswd: { expire: False }\n')],
      }),
    ]);
    const messages = SEC_001.check(rendered).map((x) => x.message);
    expect(messages).toEqual([
      expect.stringContaining("'activationId' at charts.portworx-generic.license.enterprise.activationId holds a literal value (16 characters"),
      expect.stringContaining("'key' at charts.portworx-generic.license.saas.key holds a literal value"),
      expect.stringContaining("'APIToken' at data.pure.json (base64-decoded).FlashArrays[0].APIToken holds a literal value (36 characters"),
      expect.stringContaining('data.tls.key holds a private key (PEM)'),
      expect.stringContaining('<AdministratorPassword> in data.unattend.xml holds a literal value (11 characters'),
      expect.stringContaining("'password' at spec.template.spec.volumes[0].cloudInitNoCloud.userData.password holds a literal value (10 characters"),
    ]);
    expect(messages.join('\n')).not.toMatch(/Sup3rSecret|n0tAsample|PAYG-123|aaaaaaaa-bbbb/);
  });

  test('fails on a cloud-init chpasswd list with literal passwords', () => {
    const v = SEC_001.check(handSite((s) => [manifestLayer(s, 'vmo-vmtemplates', 40, { vm: [vm('#cloud-config\nchpasswd:\n  list: |\n    root:Xy9-secret\n')] })]));
    expect(v.map((x) => x.message)).toEqual([expect.stringContaining('the chpasswd list at spec.template.spec.volumes[0].cloudInitNoCloud.userData.chpasswd.list holds literal passwords')]);
    expect(v[0].message).not.toContain('Xy9-secret');
  });

  test('fails on a sensitive variable carrying its secret in dropdown options or a literal regex, and on a secret-named plain variable', () => {
    const options = new ProfileVariable('grafanaAdminPassword', {
      isSensitive: true,
      inputType: VariableInputType.DROPDOWN,
      options: [{ value: 'ZZSECRET-GRAFANA-3333', default: true }],
    });
    const regex = new ProfileVariable('portworxActivationId', { isSensitive: true, regex: '^ZZSECRET-PX-7777$' });
    const plain = new ProfileVariable('apiToken', { defaultValue: 'ZZSECRET-GENERIC-8888' });
    const pattern = new ProfileVariable('flashArrayApiToken', { isSensitive: true, regex: '^[A-Za-z0-9-]+$' });
    const v = SEC_001.check(handSite((s) => [packLayer(s, 'app', LayerType.ADDON, { a: options, b: regex, c: plain, d: pattern })]));
    expect(v.map((x) => [x.location, x.message.split(':')[0]])).toEqual([
      ['profile VMO-RA-Full, variable grafanaAdminPassword', "sensitive variable 'grafanaAdminPassword' has dropdown options, which are written into the profile"],
      ['profile VMO-RA-Full, variable portworxActivationId', "sensitive variable 'portworxActivationId' has a regex that matches one literal value only, which writes the secret into the profile"],
      ['profile VMO-RA-Full, variable apiToken', "variable 'apiToken' is named like a secret and has a default of a literal value (21 characters, not shown)"],
    ]);
    expect(v.map((x) => x.message).join('\n')).not.toContain('ZZSECRET');
  });

  test('fails on a site that is not a VmoSite too, and cannot be suppressed', () => {
    const build = (suppress: boolean) => {
      const app = new PaletteApp({ outdir: '/nonexistent' });
      const generic = new PaletteSite(app, 'generic', suppress ? { suppressions: [{ ruleId: 'SEC-001', reason: 'we manage secrets elsewhere' }] } : {});
      const pack = new PackLayer(generic, 'px', {
        name: 'csi-portworx-generic',
        version: '3.3.1',
        layer: LayerType.CSI,
        values: { charts: { 'portworx-generic': { license: { enterprise: { activationId: 'ZZSECRET-PXLICENSE-1111' } } } } },
      });
      new ClusterProfile(generic, 'p', { name: 'generic', type: ProfileType.FULL, cloudType: CloudType.MAAS, layers: [pack] });
      return app;
    };
    const refused = build(false);
    const findings = synthError(() => refused.render()).findings.filter(isBlocking);
    expect(findings.map((f) => f.ruleId)).toEqual(['SEC-001']);
    expect(findings[0].message).not.toContain('ZZSECRET');
    const suppressed = build(true);
    expect(validationError(() => suppressed.render()).message).toBe(
      'SEC-001 cannot be suppressed (no secret value (license key, API token, password, private key) is written to any output file; secrets are sensitive profile variables without default): fix the site instead',
    );
  });
});

describe('SEC-002 no sample passwords (every site)', () => {
  test('passes on the RA site and on variable references', () => {
    expect(SEC_002.check(site(RA).render())).toEqual([]);
    expect(SEC_002.check(handSite((s) => [grafana(s, '{{.spectro.var.grafanaAdminPassword}}')]))).toEqual([]);
  });

  test("fails on the RA's Grafana admin sample, naming which sample and where, never its value", () => {
    const v = SEC_002.check(handSite((s) => [grafana(s, 'welcome')]));
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer prometheus-opeartor, values',
        message:
          "the RA's sample Grafana admin password in 'adminPassword' at charts.kube-prometheus-stack.grafana.adminPassword: use a sensitive profile variable without default instead, entered at deploy time",
      },
    ]);
  });

  test("fails on the templates' 'spectro' and 'P@ssw0rd!', the RA token in base64, chpasswd lists, seed 001's activation id and variable defaults", () => {
    const pureJson = JSON.stringify({ FlashArrays: [{ MgmtEndPoint: '172.16.200.50', APIToken: '347eba54-4ab6-96cd-e123-f694ab394a3b' }] });
    const welcome = new ProfileVariable('grafanaAdminPassword', { defaultValue: 'welcome', format: VariableFormat.STRING });
    const rendered = handSite(
      (s) => [
        manifestLayer(s, 'vmo-vmtemplates', 40, {
          'vmtemplate-ubuntu-2204': [vm('#cloud-config\nuser: ubuntu\npassword: spectro\nchpasswd: { expire: False }\n')],
          'vmtemplate-debian': [vm('#cloud-config\nchpasswd:\n  list: |\n    root:spectro\n')],
          'cm-unattend-xml': [cm(unattend('P@ssw0rd!'))],
          'px-pure-secret': [secret({ 'pure.json': b64(pureJson) })],
          license: [cm('activationId: your_license_key')],
        }),
      ],
      [welcome],
    );
    const v = SEC_002.check(rendered);
    expect(v.map((x) => x.message)).toEqual([
      expect.stringContaining("the RA templates' sample cloud-init password in 'password' at spec.template.spec.volumes[0].cloudInitNoCloud.userData.password"),
      expect.stringContaining("the RA templates' sample cloud-init password at spec.template.spec.volumes[0].cloudInitNoCloud.userData.chpasswd.list"),
      expect.stringContaining("the RA templates' sample Windows password at data.unattend.xml"),
      expect.stringContaining("the RA's sample FlashArray API token at data.pure.json (base64-decoded)"),
      expect.stringContaining("the RA's sample Portworx activation id at"),
      "variable 'grafanaAdminPassword' defaults to a published sample secret of the RA: remove the default and make the variable sensitive, so the value is entered at deploy time",
    ]);
    expect(v[1].location).toBe('profile VMO-RA-Full, layer vmo-vmtemplates, manifest vmtemplate-debian');
    expect(v[5].location).toBe('profile VMO-RA-Full, variable grafanaAdminPassword');
    // A message never carries the secret it found.
    expect(v.map((x) => x.message).join('\n')).not.toMatch(/welcome|spectro|P@ssw0rd!|347eba54|your_license_key/i);
  });
});
