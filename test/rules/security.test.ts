import { FindingLevel, isBlocking, runRules } from '../../lib/palette';
import { SEC_001_OUTPUT, SEC_002, SEC_003, SEC_005 } from '../../lib/rules';
import { check, levelOf, manifestPack, model, pack, profile, props } from './fixtures';

const ERROR = FindingLevel.ERROR;
const grafana = (adminPassword: string) => pack('prometheus-opeartor', 'addon', { charts: { 'kube-prometheus-stack': { grafana: { adminPassword } } } }, 20);
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

describe('SEC-001 no secret in the output', () => {
  test('passes on the RA site and when every secret is a profile variable reference', () => {
    expect(check(SEC_001_OUTPUT)).toEqual([]);
    const pureJson = JSON.stringify({ FlashArrays: [{ MgmtEndPoint: '172.16.200.50', APIToken: '{{.spectro.var.flashArrayApiToken}}' }] });
    const p = profile('VMO-RA-Full', [
      grafana('{{.spectro.var.grafanaAdminPassword}}'),
      { ...pack('csi-portworx-generic', 'csi', { charts: { 'portworx-generic': { license: { enterprise: { activationId: '{{ .spectro.var.portworxActivationId }}' } } } } }), manifests: [] },
      manifestPack('vmo-vmtemplates', 40, { 'px-pure-secret': [secret({ 'pure.json': pureJson }, 'stringData')], 'cm-unattend-xml': [cm(unattend('{{.spectro.var.windowsAdminPassword}}'))] }),
    ]);
    expect(check(SEC_001_OUTPUT, props(), [p])).toEqual([]);
  });

  test('fails on a literal Grafana password without repeating it', () => {
    const v = check(SEC_001_OUTPUT, props(), [profile('VMO-RA-Core', [grafana('hunter22')])]);
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Core, layer prometheus-opeartor, values',
        message:
          "'adminPassword' at charts.kube-prometheus-stack.grafana.adminPassword holds a literal value (8 characters, not shown): " +
          'make it a sensitive profile variable without default and reference it, so the value is entered at deploy time',
      },
    ]);
    expect(v[0].message).not.toContain('hunter22');
    expect(levelOf(SEC_001_OUTPUT, v[0])).toBe(ERROR);
  });

  test('fails on license ids, an API token in base64 Secret data, a private key, an unattend password and a cloud-init password', () => {
    const pureJson = JSON.stringify({ FlashArrays: [{ MgmtEndPoint: '172.16.200.50', APIToken: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' }] });
    const key = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tls' }, data: { 'tls.key': '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n' } };
    const p = profile('VMO-RA-Full', [
      pack('csi-portworx-generic', 'csi', { charts: { 'portworx-generic': { license: { enterprise: { activationId: 'your_license_key' }, saas: { key: 'PAYG-123' } } } } }),
      manifestPack('vmo-extras', 40, {
        'px-pure-secret': [secret({ 'pure.json': b64(pureJson) })],
        tls: [key],
        'cm-unattend-xml': [cm(unattend('Sup3rSecret'))],
        'vmtemplate-ubuntu-2204': [vm('#cloud-config\nuser: ubuntu\npassword: n0tAsample\nchpasswd: { expire: False }\n')],
      }),
    ]);
    const messages = check(SEC_001_OUTPUT, props(), [p]).map((x) => x.message);
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
    const p = profile('VMO-RA-Templates', [manifestPack('vmo-vmtemplates', 40, { vm: [vm('#cloud-config\nchpasswd:\n  list: |\n    root:Xy9-secret\n')] })]);
    const v = check(SEC_001_OUTPUT, props(), [p]);
    expect(v.map((x) => x.message)).toEqual([expect.stringContaining('the chpasswd list at spec.template.spec.volumes[0].cloudInitNoCloud.userData.chpasswd.list holds literal passwords')]);
    expect(v[0].message).not.toContain('Xy9-secret');
  });
});

describe('SEC-002 no sample passwords', () => {
  test('passes on the RA site and on variable references', () => {
    expect(check(SEC_002)).toEqual([]);
    expect(check(SEC_002, props(), [profile('VMO-RA-Core', [grafana('{{.spectro.var.grafanaAdminPassword}}')])])).toEqual([]);
  });

  test("fails on the RA's Grafana 'welcome', naming the value and where", () => {
    const v = check(SEC_002, props(), [profile('VMO-RA-Core', [grafana('welcome')])]);
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Core, layer prometheus-opeartor, values',
        message:
          "the sample password 'welcome' in 'adminPassword' at charts.kube-prometheus-stack.grafana.adminPassword: use a sensitive profile variable without default instead, entered at deploy time",
      },
    ]);
    expect(levelOf(SEC_002, v[0])).toBe(ERROR);
  });

  test("fails on the templates' 'spectro' and 'P@ssw0rd!', the RA token in base64, chpasswd lists and variable defaults", () => {
    const pureJson = JSON.stringify({ FlashArrays: [{ MgmtEndPoint: '172.16.200.50', APIToken: '347eba54-4ab6-96cd-e123-f694ab394a3b' }] });
    const p = profile(
      'VMO-RA-Templates',
      [
        manifestPack('vmo-vmtemplates', 40, {
          'vmtemplate-ubuntu-2204': [vm('#cloud-config\nuser: ubuntu\npassword: spectro\nchpasswd: { expire: False }\n')],
          'vmtemplate-debian': [vm('#cloud-config\nchpasswd:\n  list: |\n    root:spectro\n')],
          'cm-unattend-xml': [cm(unattend('P@ssw0rd!'))],
          'px-pure-secret': [secret({ 'pure.json': b64(pureJson) })],
        }),
      ],
      [{ name: 'grafanaAdminPassword', displayName: '', description: '', format: 'string', defaultValue: 'welcome', required: true, immutable: false, hidden: false, isSensitive: false }],
    );
    const v = check(SEC_002, props(), [p]);
    const messages = v.map((x) => x.message);
    expect(messages).toEqual([
      expect.stringContaining("the sample password 'spectro' in 'password' at spec.template.spec.volumes[0].cloudInitNoCloud.userData.password"),
      expect.stringContaining("the sample password 'spectro' at spec.template.spec.volumes[0].cloudInitNoCloud.userData.chpasswd.list"),
      expect.stringContaining("the RA's sample Windows password 'P@ssw0rd!' at data.unattend.xml"),
      expect.stringContaining("the RA's sample FlashArray API token '347eba54-4ab6-96cd-e123-f694ab394a3b' at data.pure.json (base64-decoded)"),
      "variable 'grafanaAdminPassword' defaults to the sample value 'welcome': remove the default and make the variable sensitive, so the value is entered at deploy time",
    ]);
    expect(v[1].location).toBe('profile VMO-RA-Templates, layer vmo-vmtemplates, manifest vmtemplate-debian');
    expect(v[4].location).toBe('profile VMO-RA-Templates, variable grafanaAdminPassword');
  });
});

describe('SEC-003 VMO dashboard authentication', () => {
  test('passes with palette (RA), tenant, and custom with OIDC settings', () => {
    expect(check(SEC_003)).toEqual([]);
    expect(check(SEC_003, props({ kubernetes: { identityProvider: 'tenant' } }))).toEqual([]);
    expect(check(SEC_003, props({ kubernetes: { identityProvider: 'custom', oidc: { issuerUrl: 'https://idp.example.com', clientId: 'vmo' } } }))).toEqual([]);
  });

  test('fails on noauth, and can be suppressed with a reason', () => {
    const site = props({ kubernetes: { identityProvider: 'noauth' } });
    const v = check(SEC_003, site);
    expect(v).toEqual([
      {
        location: 'kubernetes.identityProvider',
        message:
          "identity provider 'noauth' leaves the VMO dashboard open: anyone who reaches it has full permissions on VMs; " +
          "use 'palette' (the RA's), 'tenant', or 'custom' with oidc settings, or suppress SEC-003 with a reason",
      },
    ]);
    expect(levelOf(SEC_003, v[0])).toBe(ERROR);
    const [finding] = runRules([SEC_003], model(site), [{ ruleId: 'SEC-003', reason: 'lab cluster behind a jump host' }], 'site');
    expect(finding.suppressedReason).toBe('lab cluster behind a jump host');
    expect(isBlocking(finding)).toBe(false);
  });

  test('fails on custom without OIDC settings', () => {
    expect(check(SEC_003, props({ kubernetes: { identityProvider: 'custom' } }))[0].message).toContain(
      "identity provider 'custom' without an oidc issuerUrl and clientId configures no login",
    );
  });
});

describe('SEC-005 private CA ConfigMap first', () => {
  const caMap = (namespace: string, key = 'ca.crt') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'custom-ca', namespace }, data: { [key]: '-----BEGIN CERTIFICATE-----' } });
  const core = (priority: number, namespace = 'vm-dashboard', key?: string) =>
    profile('VMO-RA-Core', [manifestPack('vmo-ca', priority, { 'cm-custom-ca': [caMap(namespace, key)] }), pack('virtual-machine-orchestrator', 'addon', {}, 30)]);
  const site = props({ vmo: { privateCa: { configMapName: 'custom-ca' } } });

  test('passes without a private CA (RA) and with the ConfigMap in vm-dashboard installed before VMO', () => {
    expect(check(SEC_005)).toEqual([]);
    expect(check(SEC_005, site, [core(25)])).toEqual([]);
  });

  test('fails when no layer creates the ConfigMap', () => {
    const v = check(SEC_005, site);
    expect(v).toEqual([
      {
        location: 'vmo.privateCa',
        message:
          'VMO trusts the private CA from ConfigMap custom-ca, but no layer creates it and it must exist before VMO installs: create ConfigMap custom-ca (key ca.crt) in namespace vm-dashboard ' +
          'from a layer with a lower install priority than VMO, or by hand before deploying and suppress SEC-005 with that reason',
      },
    ]);
    expect(levelOf(SEC_005, v[0])).toBe(FindingLevel.WARNING);
  });

  test('fails when the ConfigMap installs with VMO, in another namespace, or without the key', () => {
    expect(check(SEC_005, site, [core(30)]).map((x) => x.message)).toEqual([
      'ConfigMap custom-ca installs at priority 30, not before VMO (priority 30): give layer vmo-ca a priority below 30',
    ]);
    expect(check(SEC_005, site, [core(20, 'default', 'cert')]).map((x) => x.message)).toEqual([
      'ConfigMap custom-ca is in namespace default, but VMO reads it from vm-dashboard: move it to vm-dashboard',
      "ConfigMap custom-ca has no key 'ca.crt', which VMO reads the certificate from: add the PEM under 'ca.crt'",
    ]);
  });
});
