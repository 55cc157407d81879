import {
  ClusterProfile, CloudType, LayerType, PackLayer, PaletteApp, PaletteSite, ProfileType, ProfileVariable, SynthError,
  VariableFormat, VariableInputType,
} from '../../lib/palette';

function siteWith(variables: ProfileVariable[], values: Record<string, unknown> = {}) {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const site = new PaletteSite(app, 'vars');
  const pack = new PackLayer(site, 'k8s', { name: 'kubernetes', version: '1.32.4', layer: LayerType.K8S, values: values as never });
  new ClusterProfile(site, 'Infra', { type: ProfileType.INFRA, cloudType: CloudType.MAAS, layers: [pack], variables });
  return { app, site, pack };
}

function findings(variables: ProfileVariable[], values: Record<string, unknown> = {}) {
  const { site } = siteWith(variables, values);
  return site.check();
}

describe('profile variables', () => {
  const podCidr = () => new ProfileVariable('podCidr', { format: VariableFormat.IPV4_CIDR, defaultValue: '100.64.0.0/18', immutable: true });

  test('a variable leaf renders as a single-quoted reference and is declared by the profile', () => {
    const v = podCidr();
    const { site, pack } = siteWith([], { pack: { podCIDR: v } });
    expect(pack.values).toContain(`podCIDR: '{{.spectro.var.podCidr}}'`);
    const json = site.profiles[0].toJson();
    expect(json.spec.variables.map((x) => x.name)).toEqual(['podCidr']);
    expect(json.spec.variables[0]).toMatchObject({ format: 'ipv4cidr', defaultValue: '100.64.0.0/18', immutable: true });
  });

  test('fails PAL-001 on a reference to an undeclared variable, naming it', () => {
    const f = findings([], { pack: { podCIDR: '{{.spectro.var.podCidr}}' } });
    expect(f).toEqual([expect.objectContaining({ ruleId: 'PAL-001', level: 'error', message: expect.stringContaining(`undeclared profile variable 'podCidr'`) })]);
    expect(f[0].location).toBe('site vars: profile Infra, layer kubernetes, values');
  });

  test('warns PAL-001 on a declared but unused variable', () => {
    const f = findings([podCidr()]);
    expect(f).toEqual([expect.objectContaining({ ruleId: 'PAL-001', level: 'warning', message: expect.stringContaining(`'podCidr' is declared but no layer uses it`) })]);
  });

  test('fails PAL-002 on defaults that do not match their format', () => {
    const bad = [
      new ProfileVariable('cidr', { format: VariableFormat.IPV4_CIDR, defaultValue: '100.64.0.0/33' }),
      new ProfileVariable('count', { format: VariableFormat.NUMBER, defaultValue: 'five' }),
      new ProfileVariable('flag', { format: VariableFormat.BOOLEAN, defaultValue: 'yes' }),
      new ProfileVariable('addr', { format: VariableFormat.IPV4, defaultValue: '10.0.0.256' }),
      new ProfileVariable('ver', { format: VariableFormat.VERSION, defaultValue: '1.32' }),
    ];
    const values = Object.fromEntries(bad.map((v) => [v.name, v]));
    const f = findings(bad, values).filter((x) => x.ruleId === 'PAL-002');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining(`'100.64.0.0/33' is not an IPv4 CIDR`),
      expect.stringContaining(`'five' is not a number`),
      expect.stringContaining(`'yes' is not 'true' or 'false'`),
      expect.stringContaining(`'10.0.0.256' is not an IPv4 address`),
      expect.stringContaining(`'1.32' is not a semantic version`),
    ]);
    expect(f.every((x) => x.level === 'error')).toBe(true);
  });

  test('passes PAL-002 on well-formed defaults', () => {
    const good = [
      podCidr(),
      new ProfileVariable('count', { format: VariableFormat.NUMBER, defaultValue: 5 }),
      new ProfileVariable('flag', { format: VariableFormat.BOOLEAN, defaultValue: true }),
    ];
    expect(findings(good, Object.fromEntries(good.map((v) => [v.name, v])))).toEqual([]);
  });

  test('fails PAL-002 on a default that misses the regex, and on a dropdown default outside the options', () => {
    const vlans = new ProfileVariable('vlans', { defaultValue: '21-100', regex: '^[0-9,]+$' });
    const mode = new ProfileVariable('mode', {
      defaultValue: 'fast',
      inputType: VariableInputType.DROPDOWN,
      options: [{ value: 'safe' }, { value: 'balanced' }],
    });
    const f = findings([vlans, mode], { a: vlans, b: mode }).filter((x) => x.ruleId === 'PAL-002');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining(`'21-100' does not match the regex '^[0-9,]+$'`),
      expect.stringContaining(`'fast' is not one of the dropdown options (safe, balanced)`),
    ]);
  });

  test('fails PAL-002 on a read-only variable without default', () => {
    const v = new ProfileVariable('svc', { format: VariableFormat.IPV4_CIDR, immutable: true });
    expect(findings([v], { v }).map((x) => x.message)).toEqual([expect.stringContaining(`'svc' has none`)]);
  });

  test('a sensitive variable never gets a default: SEC-001', () => {
    const token = new ProfileVariable('apiToken', { isSensitive: true, defaultValue: '347eba54-0000-0000-0000-000000000000' });
    const f = findings([token], { token });
    expect(f).toEqual([expect.objectContaining({ ruleId: 'SEC-001', level: 'error', message: expect.stringContaining(`sensitive variable 'apiToken' has a default`) })]);
  });

  test('fails SEC-004 on a masked default', () => {
    const password = new ProfileVariable('grafanaAdminPassword', { isSensitive: true, defaultValue: '********' });
    const f = findings([password], { password });
    expect(f).toEqual([expect.objectContaining({ ruleId: 'SEC-004', level: 'error', message: expect.stringContaining(`'********' is a masked value`) })]);
  });

  test('a sensitive variable without default is written without a defaultValue key', () => {
    const password = new ProfileVariable('grafanaAdminPassword', { isSensitive: true, required: true });
    const { site } = siteWith([password], { password });
    expect(site.check()).toEqual([]);
    expect(site.profiles[0].toJson().spec.variables[0]).not.toHaveProperty('defaultValue');
  });

  test('synth reports all findings together and writes nothing', () => {
    const { app } = siteWith([new ProfileVariable('unused')], { a: '{{.spectro.var.nope}}', b: '{{.spectro.var.missing}}' });
    try {
      app.render();
      throw new Error('render should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(SynthError);
      const err = e as SynthError;
      expect(err.findings.filter((f) => f.level === 'error').map((f) => f.message)).toEqual([
        expect.stringContaining(`'nope'`),
        expect.stringContaining(`'missing'`),
      ]);
      expect(err.message).toMatch(/2 error\(s\); nothing was written/);
    }
  });

  test('fails on an invalid variable name', () => {
    expect(() => new ProfileVariable('pod-cidr')).toThrow(/variable name 'pod-cidr' is invalid/);
  });

  test('fails on two definitions of one variable name in a profile', () => {
    const a = new ProfileVariable('x', { defaultValue: '1' });
    const b = new ProfileVariable('x', { defaultValue: '2' });
    const { site } = siteWith([a], { b });
    expect(() => site.profiles[0].toJson()).toThrow(/two different definitions of variable 'x'/);
  });
});
