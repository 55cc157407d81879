import { FindingLevel, isBlocking, runRules } from '../../lib/palette';
import { SEC_003, SEC_005 } from '../../lib/rules';
import { VmoProfileKind, VmoSite } from '../../lib/site';
import { check, levelOf, manifestLayer, model, props } from './fixtures';

const ERROR = FindingLevel.ERROR;

describe('SEC-003 VMO dashboard authentication', () => {
  test('passes with palette (RA), tenant, and custom with OIDC settings', () => {
    expect(check(SEC_003)).toEqual([]);
    expect(check(SEC_003, props({ kubernetes: { identityProvider: 'tenant' } }))).toEqual([]);
    expect(check(SEC_003, props({ kubernetes: { identityProvider: 'custom', oidc: { issuerUrl: 'https://idp.example.com', clientId: 'vmo' } } }))).toEqual([]);
  });

  test('fails on noauth, and can be suppressed with a reason', () => {
    const noauth = props({ kubernetes: { identityProvider: 'noauth' } });
    const v = check(SEC_003, noauth);
    expect(v).toEqual([
      {
        location: 'kubernetes.identityProvider',
        message:
          "identity provider 'noauth' leaves the VMO dashboard open: anyone who reaches it has full permissions on VMs; " +
          "use 'palette' (the RA's), 'tenant', or 'custom' with oidc settings, or suppress SEC-003 with a reason",
      },
    ]);
    expect(levelOf(SEC_003, v[0])).toBe(ERROR);
    const [finding] = runRules([SEC_003], model(noauth), [{ ruleId: 'SEC-003', reason: 'lab cluster behind a jump host' }], 'site');
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
  const caMap = (namespace: string, key = 'cert') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'custom-ca', namespace }, data: { [key]: '-----BEGIN CERTIFICATE-----' } });
  /** A Core layer creating the CA ConfigMap at the given priority (VMO installs at 30). */
  const ca = (priority: number, namespace = 'vm-dashboard', key?: string) => (s: VmoSite) =>
    s.addAddOn(manifestLayer(s, 'vmo-ca', priority, { 'cm-custom-ca': [caMap(namespace, key)] }), { profile: VmoProfileKind.CORE });
  const site = props({ vmo: { privateCa: { configMapName: 'custom-ca' } } });

  test('passes without a private CA (RA) and with the ConfigMap in vm-dashboard installed before VMO', () => {
    expect(check(SEC_005)).toEqual([]);
    expect(check(SEC_005, site, ca(25))).toEqual([]);
  });

  test('fails when no layer creates the ConfigMap', () => {
    const v = check(SEC_005, site);
    expect(v).toEqual([
      {
        location: 'vmo.privateCa',
        message:
          'VMO trusts the private CA from ConfigMap custom-ca, but no layer creates it and it must exist before VMO installs: create ConfigMap custom-ca (key cert) in namespace vm-dashboard ' +
          'from a layer with a lower install priority than VMO, or by hand before deploying and suppress SEC-005 with that reason',
      },
    ]);
    expect(levelOf(SEC_005, v[0])).toBe(FindingLevel.WARNING);
  });

  test('fails when the ConfigMap installs with VMO, in another namespace, or without the key', () => {
    expect(check(SEC_005, site, ca(30)).map((x) => x.message)).toEqual([
      'ConfigMap custom-ca installs at priority 30, not before VMO (priority 30): give layer vmo-ca a priority below 30',
    ]);
    // The field guide's key is `cert` (seed 000: --from-file=cert=...), the default VMO reads.
    expect(check(SEC_005, site, ca(20, 'default', 'ca.crt')).map((x) => x.message)).toEqual([
      'ConfigMap custom-ca is in namespace default, but VMO reads it from vm-dashboard: move it to vm-dashboard',
      "ConfigMap custom-ca has no key 'cert', which VMO reads the certificate from: add the PEM under 'cert'",
    ]);
  });
});
