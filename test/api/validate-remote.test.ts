import { readFileSync } from 'fs';
import { validateRemote } from '../../lib/api/commands';
import { ExitCode } from '../../lib/api/exit-code';
import { ProfileJson } from '../../lib/palette/cluster-profile';
import { ADDONS_FILE, catalog, Harness, INFRA_FILE, PROJECT_UID, SITE, startHarness, TEST_API_KEY } from './api-harness';

let h: Harness;
afterEach(async () => h.close());

function profile(file: string): ProfileJson {
  return JSON.parse(readFileSync(file, 'utf8')) as ProfileJson;
}

describe('validateRemote', () => {
  test('defaults: a site folder validates on Palette, infra first, and nothing is imported', async () => {
    h = await startHarness();
    const code = await validateRemote({ client: h.client, inputs: [SITE], output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    expect(h.output.outLines).toEqual(['Lab-Infra 1.0.0: valid on Palette', 'Lab-Addons 1.0.0: valid on Palette']);
    const validated = h.fake.requestsTo('POST', '/v1/clusterprofiles/import/validate');
    expect(validated.map((r) => JSON.parse(r.body.toString()).metadata.name)).toEqual(['Lab-Infra', 'Lab-Addons']);
    expect(JSON.parse(validated[0].body.toString())).toEqual(profile(INFRA_FILE));
    expect(h.fake.requestsTo('GET', '/v1/clusterprofiles/validate/name').map((r) => r.query)).toEqual([
      { name: 'Lab-Infra', version: '1.0.0' },
      { name: 'Lab-Addons', version: '1.0.0' },
    ]);
    expect(h.fake.profiles.size).toBe(0);
  });

  test('custom: an existing name and version is information, not a failure', async () => {
    h = await startHarness();
    h.fake.seedProfile(profile(INFRA_FILE), { projectUid: PROJECT_UID });
    const code = await validateRemote({ client: h.client, inputs: [INFRA_FILE], output: h.output });
    expect(code).toBe(ExitCode.OK);
    expect(h.output.outLines).toEqual(['Lab-Infra 1.0.0: valid on Palette; exists on Palette (push compares it)']);
  });

  test('custom: packs in a registry with another uid are reported as remapped', async () => {
    const target = { uid: 'r-target', name: 'Public Repo', kind: 'pack' };
    h = await startHarness({ registries: [target], packs: catalog(target.uid) });
    const code = await validateRemote({ client: h.client, inputs: [INFRA_FILE], output: h.output });
    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    expect(h.output.outLines[0]).toBe(
      "Lab-Infra 1.0.0: valid on Palette; registries remapped for ubuntu-maas -> 'Public Repo', kubernetes -> 'Public Repo', cni-cilium-oss -> 'Public Repo'",
    );
  });

  test('fails when a pack is missing: Palette code and ref in one line, exit 1', async () => {
    h = await startHarness({ packs: catalog().filter((p) => p.name !== 'cni-cilium-oss') });
    const code = await validateRemote({ client: h.client, inputs: [INFRA_FILE], output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toMatch(/^.*Lab-Infra\.json: palette POST \/v1\/clusterprofiles\/import\/validate answered 400 PackNotFound: .*cni-cilium-oss.* \(ref r-\d+\)/);
  });

  test('fails on a masked sensitive default as Palette rejects it, after the local check', async () => {
    h = await startHarness();
    const doc = profile(ADDONS_FILE);
    doc.spec.variables[1].defaultValue = '********';
    const code = await validateRemote({ client: h.client, inputs: [{ source: 'masked.json', json: doc }], output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines.join('\n')).toMatch(/^masked\.json: SEC-00\d error /m);
    expect(h.fake.requests).toHaveLength(0);
  });

  test('fails on a user macro that does not exist, naming it', async () => {
    h = await startHarness();
    const doc = profile(INFRA_FILE);
    doc.spec.template.packs[0].values += "ntp: '{{.spectro.macro.ntpServer}}'\n";
    const code = await validateRemote({ client: h.client, inputs: [{ source: 'ntp.json', json: doc }], output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual(["ntp.json: macro 'ntpServer' is not defined on this Palette: create it (project or tenant macros) before importing"]);
  });

  test('fails when validate lists several registries and none matches the file: asks for --registry-map', async () => {
    const a = { uid: 'r-a', name: 'Mirror A', kind: 'pack' };
    const b = { uid: 'r-b', name: 'Mirror B', kind: 'pack' };
    h = await startHarness({ registries: [a, b], packs: [...catalog(a.uid), ...catalog(b.uid)] });
    h.fake.rules.packNotFound = false;
    const code = await validateRemote({ client: h.client, inputs: [INFRA_FILE], output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toMatch(/layer ubuntu-maas: ubuntu-maas 22\.04 is in 2 registries \('Mirror A' kind pack uid r-a; 'Mirror B' kind pack uid r-b\) and none is 'Public Repo': choose one with --registry-map 'Public Repo=<uid>'/);
  });

  test('fails with exit 3 on a wrong key, the key never printed', async () => {
    h = await startHarness({ echoKeyInAuthError: true }, { apiKey: `${TEST_API_KEY}!` });
    const code = await validateRemote({ client: h.client, inputs: [SITE], output: h.output });
    expect(code).toBe(ExitCode.AUTH);
    expect(h.output.errLines).toHaveLength(1);
    expect(h.output.errLines[0]).toContain('check PALETTE_API_KEY (and PALETTE_PROJECT_UID)');
    expect(h.output.text()).not.toContain(TEST_API_KEY);
  });
});
