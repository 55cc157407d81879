import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { PaletteApp, PaletteSite, ProfileVariable } from '../../lib/palette';
import { synthError, tempDirs, validationError } from '../helpers';
import { smallSite } from './fixtures';

const tempDir = tempDirs('pvmo-define-');

/** A site defined with defineSite: the small fixture site under its own name and profile name. */
function defineSmall(app: PaletteApp, name: string, opts: { vlan?: number; leak?: boolean; profileName?: string } = {}): void {
  app.defineSite((scope) => {
    const { site, nets, profile } = smallSite(scope, { siteName: name, ...(opts.vlan !== undefined ? { vlan: opts.vlan } : {}) });
    if (opts.leak) nets.useVariable(new ProfileVariable('leaked', { isSensitive: true, defaultValue: 'hunter22' }));
    void profile;
    return site;
  });
}

describe('PaletteApp.defineSite and the streaming synth', () => {
  test('a defined site is built when its turn comes, written in definition order among constructed sites, and released after', () => {
    const out = tempDir();
    const app = new PaletteApp({ outdir: out });
    // One profile content for all three (PAL-007 across sites): the same fixture site under three names.
    defineSmall(app, 'first');
    smallSite(app, { siteName: 'second' });
    defineSmall(app, 'third');
    expect(app.siteCount).toBe(3);
    expect(app.sites.map((s) => s.siteName)).toEqual(['second']);
    const result = app.synth({ quiet: true });
    expect(result.output.sites).toEqual(['first', 'second', 'third']);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['first', 'second', 'third']);
    expect(JSON.parse(readFileSync(join(out, 'third', 'checks.json'), 'utf8')).site).toBe('third');
    // The defined sites' constructs are gone from the tree; the constructed one stays.
    expect(app.node.children.filter((c) => c instanceof PaletteSite).map((c) => (c as PaletteSite).siteName)).toEqual(['second']);
  });

  test('render() builds the defined sites and keeps them, as for constructed sites', () => {
    const app = new PaletteApp({ outdir: '/nonexistent' });
    defineSmall(app, 'only');
    expect([...app.render().sites.keys()]).toEqual(['only']);
    expect(app.sites.map((s) => s.siteName)).toEqual(['only']);
  });

  test('fails: a failing site in the middle: SynthError with the findings of the sites after it too, nothing written, no temporary folder', () => {
    const root = tempDir();
    const out = join(root, 'out');
    const app = new PaletteApp({ outdir: out });
    defineSmall(app, 'good');
    defineSmall(app, 'leaky', { leak: true });
    defineSmall(app, 'later', { leak: true });
    const error = synthError(app);
    const sites = error.findings.filter((f) => f.ruleId === 'SEC-001').map((f) => /^site ([^:]+):/.exec(f.location)?.[1]);
    expect(sites).toEqual(['leaky', 'later']);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  test('fails PAL-007 across defined sites: one profile name and version written with two contents names both sites', () => {
    const app = new PaletteApp({ outdir: tempDir() });
    defineSmall(app, 'east', { vlan: 30 });
    defineSmall(app, 'west', { vlan: 31 });
    const error = synthError(app);
    expect(error.findings.filter((f) => f.ruleId === 'PAL-007').map((f) => f.message)).toEqual([
      expect.stringMatching(/^sites east and west both write profile small-full version 1\.0\.0 with different content/),
    ]);
  });

  test('fails: a definition that builds two sites, or none, or a name used twice: one ValidationError, nothing written', () => {
    const twice = new PaletteApp({ outdir: tempDir() });
    twice.defineSite((scope) => {
      smallSite(scope, { siteName: 'a' });
      return smallSite(scope, { siteName: 'b' }).site;
    });
    expect(() => twice.synth()).toThrow(/a site definition \(defineSite\) built two sites, 'a' and 'b'/);

    const none = new PaletteApp({ outdir: tempDir() });
    none.defineSite(() => new PaletteApp().sites[0]);
    expect(() => none.render()).toThrow(/must construct one site in the app it is given and return it/);

    const out = tempDir();
    const same = new PaletteApp({ outdir: out });
    defineSmall(same, 'twin');
    defineSmall(same, 'other', { vlan: 31 });
    // Built after the first 'twin' was released, so its construct id is free: the site name is what collides.
    defineSmall(same, 'twin');
    expect(validationError(() => same.synth({ quiet: true })).message).toMatch(/are both named 'twin'/);
    expect(readdirSync(out)).toEqual([]);
  });
});
