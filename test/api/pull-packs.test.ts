import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pullPacks, PackToPull } from '../../lib/api/commands';
import { ExitCode } from '../../lib/api/exit-code';
import { PulledPackFolder } from '../../lib/api/pulled-pack-folder';
import { PUBLIC_REPO } from '../support/fake-palette';
import { catalog, Harness, startHarness, TEST_API_KEY } from './api-harness';

let h: Harness;
let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'pvmo-packs-'));
});
afterEach(async () => {
  await h.close();
  rmSync(out, { recursive: true, force: true });
});

const served = (name: string, version: string) => catalog().find((p) => p.name === name && p.version === version);

const PACKS: PackToPull[] = [
  { name: 'kubernetes', version: '1.32.4', registryName: 'Public Repo' },
  { name: 'cni-cilium-oss', version: '1.17.4', registryUid: PUBLIC_REPO.uid, layer: 'cni', cloudType: 'maas' },
  { name: 'lb-metallb-helm', version: '0.15.2', registryName: 'Public Repo' },
];

describe('pullPacks', () => {
  test('defaults: writes <out>/<pack>/<version>/values.yaml with the served bytes, presets and schema only when not empty', async () => {
    h = await startHarness();
    const code = await pullPacks({ client: h.client, packs: PACKS, outDir: out, output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    expect(readFileSync(join(out, 'kubernetes/1.32.4/values.yaml'), 'utf8')).toBe(served('kubernetes', '1.32.4')?.values);
    expect(readFileSync(join(out, 'kubernetes/1.32.4/schema.yaml'), 'utf8')).toBe(served('kubernetes', '1.32.4')?.schema);
    expect(existsSync(join(out, 'kubernetes/1.32.4/presets.yaml'))).toBe(false);
    expect(readFileSync(join(out, 'cni-cilium-oss/1.17.4/values.yaml'), 'utf8')).toBe('# cilium defaults\ncharts:\n  cilium:\n    cni:\n      exclusive: true\n');
    expect(readFileSync(join(out, 'cni-cilium-oss/1.17.4/presets.yaml'), 'utf8')).toBe(served('cni-cilium-oss', '1.17.4')?.presets);
    // Empty presets ([]) and schema ('') are not written.
    expect(existsSync(join(out, 'lb-metallb-helm/0.15.2/presets.yaml'))).toBe(false);
    expect(existsSync(join(out, 'lb-metallb-helm/0.15.2/schema.yaml'))).toBe(false);
    expect(h.output.outLines).toEqual([
      `kubernetes 1.32.4: wrote values.yaml, schema.yaml in ${join(out, 'kubernetes/1.32.4')}`,
      `cni-cilium-oss 1.17.4: wrote values.yaml, presets.yaml in ${join(out, 'cni-cilium-oss/1.17.4')}`,
      `lb-metallb-helm 0.15.2: wrote values.yaml in ${join(out, 'lb-metallb-helm/0.15.2')}`,
      `next: give the catalog to the sites: palette-vmo synth ... --pack-catalog ${out}, or 'packCatalog: <path from the site file>' in each site file`,
    ]);
    expect(h.fake.requestsTo('GET', `/v1/packs/cni-cilium-oss/registries/${PUBLIC_REPO.uid}`)[0].query).toEqual({ cloudType: 'maas', layer: 'cni' });
    expect(h.fake.requestsTo('GET', '/v1/registries/metadata')).toHaveLength(1);
  });

  test('custom: a second pull reports unchanged and overwrites its own files when the served values change', async () => {
    h = await startHarness();
    await pullPacks({ client: h.client, packs: PACKS, outDir: out, output: h.output });
    h.output.clear();
    expect(await pullPacks({ client: h.client, packs: PACKS.slice(0, 1), outDir: out, output: h.output })).toBe(ExitCode.OK);
    expect(h.output.outLines[0]).toMatch(/^kubernetes 1\.32\.4: unchanged in /);

    const i = h.fake.packs.findIndex((p) => p.name === 'kubernetes');
    h.fake.packs[i] = { ...h.fake.packs[i], values: '# republished\n' };
    h.output.clear();
    expect(await pullPacks({ client: h.client, packs: PACKS.slice(0, 1), outDir: out, output: h.output })).toBe(ExitCode.OK);
    expect(readFileSync(join(out, 'kubernetes/1.32.4/values.yaml'), 'utf8')).toBe('# republished\n');
    expect(JSON.parse(readFileSync(join(out, 'kubernetes/1.32.4', PulledPackFolder.MARKER), 'utf8'))).toEqual({
      'schema.yaml': expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      'values.yaml': expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
  });

  test('fails on a file it did not write, writing nothing; --force overwrites', async () => {
    h = await startHarness();
    const handWritten = join(out, 'kubernetes/1.32.4/values.yaml');
    mkdirSync(join(out, 'kubernetes/1.32.4'), { recursive: true });
    writeFileSync(handWritten, '# my own values\n');

    const code = await pullPacks({ client: h.client, packs: PACKS, outDir: out, output: h.output });

    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual([`${handWritten} exists and was not written by pull-packs (or was edited since): move it away, or pass --force to overwrite it`]);
    expect(readFileSync(handWritten, 'utf8')).toBe('# my own values\n');
    expect(existsSync(join(out, 'cni-cilium-oss'))).toBe(false);

    h.output.clear();
    expect(await pullPacks({ client: h.client, packs: PACKS, outDir: out, force: true, output: h.output })).toBe(ExitCode.OK);
    expect(readFileSync(handWritten, 'utf8')).toBe(served('kubernetes', '1.32.4')?.values);
  });

  test('fails on a file edited after the pull', async () => {
    h = await startHarness();
    await pullPacks({ client: h.client, packs: PACKS.slice(0, 1), outDir: out, output: h.output });
    writeFileSync(join(out, 'kubernetes/1.32.4/values.yaml'), '# edited\n');
    const i = h.fake.packs.findIndex((p) => p.name === 'kubernetes');
    h.fake.packs[i] = { ...h.fake.packs[i], values: '# new\n' };
    h.output.clear();
    expect(await pullPacks({ client: h.client, packs: PACKS.slice(0, 1), outDir: out, output: h.output })).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toContain('was not written by pull-packs (or was edited since)');
  });

  test('fails on a missing version or pack: one line each, the versions listed, nothing written', async () => {
    h = await startHarness();
    const code = await pullPacks({
      client: h.client,
      packs: [
        { name: 'cni-cilium-oss', version: '1.18.0', registryUid: PUBLIC_REPO.uid },
        { name: 'no-such-pack', version: '1.0.0', registryUid: PUBLIC_REPO.uid },
        ...PACKS,
      ],
      outDir: out,
      output: h.output,
    });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual([
      `pack cni-cilium-oss 1.18.0 is not in registry ${PUBLIC_REPO.uid} (versions there: 1.17.4, 1.16.6): pick one of those versions`,
      `pack no-such-pack is not in registry ${PUBLIC_REPO.uid}: check the pack name and the registry`,
    ]);
    expect(existsSync(join(out, 'kubernetes'))).toBe(false);
  });

  test('fails on an unknown registry name or none given, listing the registries', async () => {
    h = await startHarness();
    const code = await pullPacks({
      client: h.client,
      packs: [
        { name: 'kubernetes', version: '1.32.4', registryName: 'Mirror' },
        { name: 'kubernetes', version: '1.32.4' },
      ],
      outDir: out,
      output: h.output,
    });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual([
      `pack kubernetes 1.32.4: no registry 'Mirror' on this Palette (registries: 'Public Repo' uid ${PUBLIC_REPO.uid}): give the registry uid instead`,
      'pack kubernetes 1.32.4 names no registry: give its registry name or uid',
    ]);
  });

  test('fails on a pack name that is not a folder name', async () => {
    h = await startHarness();
    const code = await pullPacks({ client: h.client, packs: [{ name: '../x', version: '1', registryUid: PUBLIC_REPO.uid }], outDir: out, output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toBe("pack name '../x' cannot be a folder name: use the name and version as Palette lists them");
  });

  test('fails with exit 3 on a wrong key and exit 4 on a Palette that keeps failing', async () => {
    h = await startHarness({ echoKeyInAuthError: true }, { apiKey: 'wrong' });
    expect(await pullPacks({ client: h.client, packs: PACKS, outDir: out, output: h.output })).toBe(ExitCode.AUTH);
    expect(h.output.errLines).toHaveLength(1);
    expect(h.output.text()).not.toContain(TEST_API_KEY);
    await h.close();

    h = await startHarness();
    h.fake.failNext({ path: /^\/v1\/packs\//, status: 502, times: 10 });
    h.output.clear();
    expect(await pullPacks({ client: h.client, packs: PACKS.slice(1, 2), outDir: out, output: h.output })).toBe(ExitCode.TRANSPORT);
    expect(h.output.errLines[0]).toMatch(/answered 502 .*Palette kept failing after 2 retries/);
  });
});
