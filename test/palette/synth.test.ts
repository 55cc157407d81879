import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'fs';
import { join, relative } from 'path';
import { parse } from 'yaml';
import { Construct } from 'constructs';
import { Chart } from 'cdk8s';
import { isValidationError, LayerType, ManifestLayer, PackLayer, PaletteApp, PaletteSite, ProfileVariable } from '../../lib/palette';
import { synthError, tempDirs } from '../helpers';
import { smallSite } from './fixtures';

const tempDir = tempDirs('pvmo-');

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function synthTo(outdir: string, opts: { vlan?: number } = {}) {
  const app = new PaletteApp({ outdir });
  smallSite(app, opts);
  return app.synth();
}

describe('synth', () => {
  test('writes the output contract: profile JSON, values side files, manifests, variables, checks', () => {
    const out = tempDir();
    synthTo(out);
    const tree = readTree(out);
    expect(Object.keys(tree).sort()).toEqual([
      'small/.palette-vmo-site',
      'small/checks.json',
      'small/manifests/small-full/vmo-networking.yaml',
      'small/profiles/small-full.json',
      'small/profiles/small-full/cni-cilium-oss.changes.yaml',
      'small/profiles/small-full/cni-cilium-oss.values.yaml',
      'small/variables.yaml',
    ]);
    const json = JSON.parse(tree['small/profiles/small-full.json']);
    expect(tree['small/profiles/small-full/cni-cilium-oss.values.yaml']).toBe(json.spec.template.packs[0].values + '\n');
    const manifests = tree['small/manifests/small-full/vmo-networking.yaml'];
    expect(manifests).toContain(json.spec.template.packs[1].manifests[0].content);
    expect(parse(tree['small/variables.yaml'])).toEqual({ 'small-full': { vmBridge: { format: 'string', value: 'br0' } } });
  });

  test('is deterministic: two synths give identical bytes', () => {
    const a = tempDir();
    const b = tempDir();
    synthTo(a);
    synthTo(b);
    expect(readTree(a)).toEqual(readTree(b));
  });

  test('a sensitive variable is listed in variables.yaml without a value', () => {
    const out = tempDir();
    const app = new PaletteApp({ outdir: out });
    const { nets } = smallSite(app);
    nets.useVariable(new ProfileVariable('apiToken', { isSensitive: true }));
    app.synth();
    const vars = parse(readFileSync(join(out, 'small', 'variables.yaml'), 'utf8'));
    expect(vars['small-full'].apiToken).toEqual({ format: 'string', sensitive: true, value: '(enter at deploy time)' });
  });

  test('a failing synth leaves the previous output exactly as it was', () => {
    const out = tempDir();
    synthTo(out);
    writeFileSync(join(out, 'small', 'marker.txt'), 'previous run');
    const before = readTree(out);
    const app = new PaletteApp({ outdir: out });
    const { nets } = smallSite(app, { vlan: 31 });
    nets.useVariable(new ProfileVariable('leaked', { isSensitive: true, defaultValue: 'hunter22' }));
    expect(() => app.synth()).toThrow(/SEC-001/);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(join(out, '..')).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  test('node.addValidation on any construct is a finding (CON-001, or the rule it names); an error writes nothing', () => {
    const out = tempDir();
    synthTo(out);
    const before = readTree(out);
    const app = new PaletteApp({ outdir: out });
    const { cni } = smallSite(app);
    // A construct of the user's own, deep in a layer, and one directly on the app.
    const mine = new Construct(cni, 'my-policy');
    mine.node.addValidation({ validate: () => ['the CNI needs a second look before this site goes live'] });
    new Construct(app, 'app-level').node.addValidation({ validate: () => ['[NET-002] the pod CIDR overlaps the lab network'] });
    const error = synthError(app);
    const findings = error.findings.filter((f) => f.level === 'error');
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: 'CON-001', message: 'the CNI needs a second look before this site goes live', location: expect.stringContaining('my-policy') }),
      expect.objectContaining({ ruleId: 'NET-002', message: 'the pod CIDR overlaps the lab network', location: expect.stringContaining('app-level') }),
    ]));
    expect(readTree(out)).toEqual(before);
  });

  test('a validation that passes changes nothing: the site is written', () => {
    const out = tempDir();
    const app = new PaletteApp({ outdir: out });
    const { cni } = smallSite(app);
    new Construct(cni, 'my-policy').node.addValidation({ validate: () => [] });
    app.synth({ quiet: true });
    expect(Object.keys(readTree(out))).toContain('small/checks.json');
  });

  test('a layer that throws while rendering leaves the previous output untouched', () => {
    const out = tempDir();
    synthTo(out);
    const before = readTree(out);
    const app = new PaletteApp({ outdir: out });
    const { cni } = smallSite(app);
    cni.addValues({ pack: { a: 1 } });
    jest.spyOn(cni, 'render').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => app.synth()).toThrow('boom');
    expect(readTree(out)).toEqual(before);
  });

  test('fails: a plain cdk8s Chart outside every profile layer is refused, naming it and the fix; nothing is written', () => {
    const out = tempDir();
    synthTo(out);
    const before = readTree(out);
    for (const [place, where] of [['app', 'outside every site'], ['site', 'inside a site but outside its layers']] as const) {
      const app = new PaletteApp({ outdir: out });
      const { site } = smallSite(app);
      new Chart(place === 'app' ? app : site, 'stray');
      const path = place === 'app' ? 'stray' : 'small/stray';
      expect(() => app.synth({ quiet: true })).toThrow(
        `chart '${path}' is ${where}, so it would not be written: create it inside a ManifestLayer (or a pack layer) of a site's profile, where it becomes a manifest`,
      );
    }
    expect(readTree(out)).toEqual(before);
  });

  test('fails: a layer in no profile is refused, naming it and the fix; nothing is written', () => {
    const out = tempDir();
    synthTo(out);
    const before = readTree(out);
    for (const make of [
      (site: PaletteSite) => new PackLayer(site, 'orphan', { name: 'nginx', version: '1.12.2', layer: LayerType.ADDON, values: { a: 1 } }),
      (site: PaletteSite) => new ManifestLayer(site, 'orphan'),
    ]) {
      const app = new PaletteApp({ outdir: out });
      make(smallSite(app).site);
      let error: unknown;
      try {
        app.synth({ quiet: true });
      } catch (e) {
        error = e;
      }
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toBe(
        "layer 'small/orphan' is in no profile, so it would not be written: add it to a profile (e.g. site.addAddOn(layer), or the layers of a ClusterProfile), or remove it",
      );
    }
    expect(readTree(out)).toEqual(before);
  });

  test('a layer added to a profile after it was made is written', () => {
    const app = new PaletteApp({ outdir: '/nonexistent' });
    const { site, profile } = smallSite(app);
    profile.addLayer(new PackLayer(site, 'late', { name: 'nginx', version: '1.12.2', layer: LayerType.ADDON, values: { a: 1 } }));
    expect([...(app.render().sites.get('small')?.keys() ?? [])]).toContain('profiles/small-full/nginx.values.yaml');
  });

  test('a successful synth replaces the site folder and keeps other sites', () => {
    const out = tempDir();
    mkdirSync(join(out, 'other-site'), { recursive: true });
    writeFileSync(join(out, 'other-site', 'keep.txt'), 'x');
    synthTo(out);
    writeFileSync(join(out, 'small', 'stale.txt'), 'stale');
    synthTo(out, { vlan: 31 });
    const tree = readTree(out);
    expect(tree['other-site/keep.txt']).toBe('x');
    expect(tree['small/stale.txt']).toBeUndefined();
    expect(tree['small/manifests/small-full/vmo-networking.yaml']).toContain('"vlan":31');
  });
});
