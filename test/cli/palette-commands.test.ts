import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PackCatalog } from '../../lib/palette/pack-catalog';
import { ProfileJson } from '../../lib/palette/cluster-profile';
import { FakePackVersion, FakePalette, FakePaletteOptions, PUBLIC_REPO } from '../support/fake-palette';
import { tempDirs } from '../helpers';
import { cli, siteText, writeSite } from './cli-harness';

/**
 * The Palette commands through the real command line, against the fake Palette on 127.0.0.1
 * (test/support/fake-palette.ts): push, diff, validate --remote and packs pull of a site
 * synthesized here, configured by PALETTE_HOST, PALETTE_API_KEY and PALETTE_PROJECT_UID.
 */

const tempDir = tempDirs('palette-cli-');
/** The profiles of the `both` layout in push order (RA names: seed 002). */
const PROFILES = ['Full', 'Infra-MaaS-PureFlashArray', 'Core-PXKE', 'Templates'];
const INFRA_FILE = 'VMO-push-lab-Infra-MaaS-PureFlashArray.json';
const API_KEY = 'PVMO-CLI-KEY-0c4e2a9b71';
const PROJECT_UID = '64f0000000000000000c1c1c';

/** A freshly synthesized site with Full, Infra, Core and Templates profiles; its output folder. */
async function synthesizedSite(): Promise<{ file: string; folder: string; profiles: string[] }> {
  const file = writeSite(tempDir(), 'push-lab', siteText('push-lab').replace('profiles: { layout: full }', 'profiles: { layout: both }'));
  const out = tempDir();
  const r = await cli(['synth', file, '-o', out, '--quiet']);
  expect(r.code).toBe(0);
  const folder = join(out, 'push-lab');
  return { file, folder, profiles: readdirSync(join(folder, 'profiles')).filter((f) => f.endsWith('.json')).sort() };
}

const readProfile = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ProfileJson;

/** The fake's pack catalog: every registry pack the profiles use, in the Public Repo. */
function packsOf(folder: string, profiles: string[]): FakePackVersion[] {
  const out = new Map<string, FakePackVersion>();
  for (const p of profiles) {
    for (const pack of readProfile(join(folder, 'profiles', p)).spec.template.packs) {
      if (pack.type === 'manifest') continue;
      out.set(`${pack.name}@${pack.version}`, { registryUid: PUBLIC_REPO.uid, name: pack.name, version: pack.version, values: `# ${pack.name} ${pack.version} defaults\nfrom: palette\n` });
    }
  }
  return [...out.values()];
}

let fake: FakePalette | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(folder: string, profiles: string[], options: FakePaletteOptions = {}): Promise<Record<string, string>> {
  fake = await FakePalette.start({ apiKey: API_KEY, packs: packsOf(folder, profiles), ...options });
  return { PALETTE_HOST: fake.url, PALETTE_API_KEY: API_KEY, PALETTE_PROJECT_UID: PROJECT_UID };
}

const importsOf = (f: FakePalette) => f.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/clusterprofiles/import') && r.path !== '/v1/clusterprofiles/import/validate');

describe('palette-vmo push, diff, validate --remote and packs pull', () => {
  test('push of a site folder: multipart importFile with our exact bytes and headers, Full and Infra before add-ons; a second push is unchanged', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles);

    const first = await cli(['push', site.folder], env);

    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const sent = importsOf(fake as FakePalette);
    expect(sent.map((r) => r.parts?.[0].fileName)).toEqual(PROFILES.map((k) => `VMO-push-lab-${k}.json`));
    for (const req of sent) {
      const fileName = req.parts?.[0].fileName as string;
      expect(req.path).toBe('/v1/clusterprofiles/import/file');
      expect(req.query).toEqual({ publish: 'true', format: 'json' });
      expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(req.parts?.map((p) => [p.name, p.type])).toEqual([['importFile', 'application/json']]);
      expect(req.parts?.[0].bytes.equals(readFileSync(join(site.folder, 'profiles', fileName)))).toBe(true);
    }
    for (const req of (fake as FakePalette).requests) expect([req.headers.apikey, req.headers.projectuid]).toEqual([API_KEY, PROJECT_UID]);
    expect(first.out.trim().split('\n')).toEqual(
      PROFILES.map((k) => expect.stringMatching(new RegExp(`^VMO-push-lab-${k} 1\\.7\\.0: created \\(uid [0-9a-f]{24}\\)$`))),
    );

    const second = await cli(['push', site.folder], env);

    expect(second.code).toBe(0);
    expect(importsOf(fake as FakePalette)).toHaveLength(4);
    expect(second.out.trim().split('\n')).toEqual(PROFILES.map((k) => expect.stringMatching(new RegExp(`^VMO-push-lab-${k} 1\\.7\\.0: unchanged \\(uid [0-9a-f]{24}\\)$`))));
  }, 60_000);

  test('fails: a changed profile with the same version exits 2 and says to bump the version', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles);
    const infra = join(site.folder, 'profiles', INFRA_FILE);
    expect((await cli(['push', infra], env)).code).toBe(0);
    const changed = join(tempDir(), INFRA_FILE);
    writeFileSync(changed, readFileSync(infra, 'utf8').replace('podCIDR: 100.64.0.0/18', 'podCIDR: 100.64.0.0/17'));

    const r = await cli(['push', changed], env);

    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^VMO-push-lab-Infra-MaaS-PureFlashArray 1\.7\.0: exists on Palette \(uid [0-9a-f]{24}\) with other content \(1 difference\(s\), first .*podCIDR.*\): bump the version \(spec\.version\), or pass --on-exists=replace if no cluster uses it$/);
  }, 60_000);

  test('fails: a refused API key exits 3 and says to check PALETTE_API_KEY, without echoing it', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles, { echoKeyInAuthError: true });
    const wrongKey = 'PVMO-WRONG-KEY-55aa77';

    const r = await cli(['push', site.folder], { ...env, PALETTE_API_KEY: wrongKey });

    expect(r.code).toBe(3);
    expect(r.err).toMatch(/PALETTE_API_KEY/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out + r.err).not.toContain(wrongKey);
    expect(importsOf(fake as FakePalette)).toEqual([]);
  }, 60_000);

  test('fails: without PALETTE_API_KEY nothing is sent, one line with the fix', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles);
    const r = await cli(['push', site.folder], { ...env, PALETTE_API_KEY: undefined });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(/^PALETTE_API_KEY is not set: create an API key in Palette/);
    expect((fake as FakePalette).requests).toEqual([]);
  }, 60_000);

  test('diff: identical after push exits 0; a changed value is reported at its path, exit 1', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles);
    const infra = join(site.folder, 'profiles', INFRA_FILE);
    expect((await cli(['push', infra], env)).code).toBe(0);

    const same = await cli(['diff', infra], env);
    expect([same.code, same.out.trim()]).toEqual([0, expect.stringMatching(/^VMO-push-lab-Infra-MaaS-PureFlashArray 1\.7\.0: no differences between .* and Palette \(uid [0-9a-f]{24}\)$/)]);

    const changed = join(tempDir(), INFRA_FILE);
    writeFileSync(changed, readFileSync(infra, 'utf8').replace('podCIDR: 100.64.0.0/18', 'podCIDR: 100.64.0.0/17'));
    const r = await cli(['diff', changed], env);

    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^VMO-push-lab-Infra-MaaS-PureFlashArray 1\.7\.0: 1 difference\(s\) between .* and Palette/);
    expect(r.out).toMatch(/^ {2}packs\.kubernetes\.values\.pack\.podCIDR: .*100\.64\.0\.0\/17.*100\.64\.0\.0\/18/m);
  }, 60_000);

  test('validate --remote: a site folder is valid on Palette; a site file is rendered and checked the same way', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles);

    const folder = await cli(['validate', '--remote', site.folder], env);
    expect(folder.code).toBe(0);
    expect(folder.out.trim().split('\n')).toEqual(PROFILES.map((k) => `VMO-push-lab-${k} 1.7.0: valid on Palette`));

    const file = await cli(['validate', '--remote', site.file], env);
    expect([file.code, file.out]).toEqual([0, folder.out]);
    expect(importsOf(fake as FakePalette)).toEqual([]);
  }, 60_000);

  test('packs pull writes a pack catalog of the site\'s registry packs, as the catalog reader reads it', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles);
    const out = join(tempDir(), 'packs');

    const r = await cli(['packs', 'pull', site.file, '--out', out], env);

    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const expected = packsOf(site.folder, site.profiles);
    const lines = r.out.trim().split('\n');
    expect(lines.pop()).toBe(`next: give the catalog to the sites: palette-vmo synth ... --pack-catalog ${out}, or 'packCatalog: <path from the site file>' in each site file`);
    expect(lines.sort()).toEqual(expected.map((p) => `${p.name} ${p.version}: wrote values.yaml in ${join(out, p.name, p.version)}`).sort());
    const catalog = PackCatalog.fromDirectory(out);
    for (const p of expected) expect(catalog.require(p.name, p.version).defaults.toDocument().toString()).toBe(`# ${p.name} ${p.version} defaults\nfrom: palette\n`);

    const again = await cli(['packs', 'pull', site.file, '--out', out], env);
    expect(again.out.trim().split('\n').slice(0, -1).sort()).toEqual(expected.map((p) => `${p.name} ${p.version}: unchanged in ${join(out, p.name, p.version)}`).sort());
  }, 60_000);

  test('pull, then synth with the pulled catalog: PAL-008 (values without published defaults) is gone and each layer starts from what Palette served', async () => {
    const site = await synthesizedSite();
    const env = await start(site.folder, site.profiles);
    const catalog = join(tempDir(), 'pack-catalog');
    const before = await cli(['validate', site.file]);
    expect(before.out).toMatch(/PAL-008/);

    expect((await cli(['packs', 'pull', site.file, '--out', catalog], env)).code).toBe(0);
    const out = tempDir();
    const after = await cli(['synth', site.file, '-o', out, '--pack-catalog', catalog, '--strict']);

    expect(after.err).not.toMatch(/PAL-008/);
    expect(after.code).toBe(0);
    const values = readFileSync(join(out, 'push-lab', 'profiles', 'VMO-push-lab-Full', 'nginx.values.yaml'), 'utf8');
    expect(values).toMatch(/^from: palette$/m);
  }, 90_000);

  test('fails: packs pull refuses to write into palette-vmo\'s own built-in catalog', async () => {
    const r = await cli(['packs', 'pull', writeSite(tempDir(), 'pull-lab'), '--out', join(__dirname, '..', '..', 'packs')], { PALETTE_HOST: 'http://127.0.0.1:9', PALETTE_API_KEY: API_KEY });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(/: this is palette-vmo's built-in pack catalog \(generated by npm run import:packs\), not a place for pulled packs: pull into a folder of your own with --out/);
  });
});
