import { readFileSync } from 'fs';
import { diff } from '../../lib/api/commands';
import { ExitCode } from '../../lib/api/exit-code';
import { ContentComparison } from '../../lib/api/profile-normalisation';
import { ProfileJson } from '../../lib/palette/cluster-profile';
import { ADDONS_FILE, Harness, INFRA_FILE, PROJECT_UID, SITE, startHarness, TEST_API_KEY } from './api-harness';

let h: Harness;
afterEach(async () => h.close());

function profile(file: string): ProfileJson {
  return JSON.parse(readFileSync(file, 'utf8')) as ProfileJson;
}

describe('diff', () => {
  test('defaults: identical profiles exit 0 although the export masks, re-quotes and adds export-only fields', async () => {
    h = await startHarness({ maskedValueKeys: ['adminPassword'] });
    const local = profile(ADDONS_FILE);
    // A sensitive default and a ${password} field in values: both come back masked.
    local.spec.variables[1].defaultValue = 'deploy-time-only';
    local.spec.template.packs[0].values += 'adminPassword: pa55-in-values\n';
    const uid = h.fake.seedProfile(local, { projectUid: PROJECT_UID });
    const exported = JSON.parse((await h.client.exportProfile(uid)).text) as ProfileJson & { spec: { variables: { order?: string }[] } };
    expect(exported.spec.variables[1].defaultValue).toBe('********');
    expect(exported.spec.variables[0].order).toMatch(/^\d+$/);
    expect(exported.spec.template.packs[0].values).toContain("adminPassword: '********'");
    expect(exported.spec.template.packs[1].manifests?.[0].content).toContain('apiVersion: "k8s.cni.cncf.io/v1"');
    expect(exported.spec.template.packs[1].registry.metadata).toHaveProperty('isSyncSupported', false);

    const code = await diff({ client: h.client, input: { source: 'Lab-Addons.json', json: local }, output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(h.output.outLines).toEqual([`Lab-Addons 1.0.0: no differences between Lab-Addons.json and Palette (uid ${uid})`]);
    expect(code).toBe(ExitCode.OK);
  });

  test('custom: a changed value is reported at its YAML path with both values, exit 1', async () => {
    h = await startHarness();
    const remote = profile(INFRA_FILE);
    remote.spec.template.packs[1].values = remote.spec.template.packs[1].values.replace('10.96.0.0/12', '10.100.0.0/16');
    remote.spec.template.packs[2].values = remote.spec.template.packs[2].values.replace('vmo-enable', 'vmo-enable,Other:x');
    const uid = h.fake.seedProfile(remote, { projectUid: PROJECT_UID });

    const code = await diff({ client: h.client, input: INFRA_FILE, output: h.output });

    expect(code).toBe(ExitCode.DIFFERENT);
    expect(h.output.outLines).toEqual([
      `Lab-Infra 1.0.0: 2 difference(s) between ${INFRA_FILE} and Palette (uid ${uid}):`,
      '  packs.kubernetes.values.pack.serviceClusterIpRange: file "10.96.0.0/12", Palette "10.100.0.0/16"',
      '  packs.cni-cilium-oss.enabledPresets[1]: only on Palette ("Other:x")',
    ]);
  });

  test('custom: manifest documents, variables and layer order each get their own path', async () => {
    h = await startHarness();
    const remote = profile(ADDONS_FILE);
    const nets = remote.spec.template.packs[1];
    nets.manifests = [
      { name: 'nad-vlan', content: (nets.manifests?.[0].content ?? '').replace('name: vlan-30', 'name: vlan-31') },
      ...(nets.manifests ?? []).slice(1),
    ];
    remote.spec.variables[0].defaultValue = '31';
    remote.spec.template.packs.reverse();
    const uid = h.fake.seedProfile(remote, { projectUid: PROJECT_UID });

    const code = await diff({ client: h.client, input: ADDONS_FILE, uid, output: h.output });

    expect(code).toBe(ExitCode.DIFFERENT);
    expect(h.output.outLines.slice(1)).toEqual([
      '  layerOrder[0]: file "lb-metallb-helm", Palette "vmo-networking"',
      '  layerOrder[1]: file "vmo-networking", Palette "lb-metallb-helm"',
      '  packs.vmo-networking.manifests.nad-vlan.metadata.name: file "vlan-30", Palette "vlan-31"',
      '  variables.vmVlanId.defaultValue: file "30", Palette "31"',
    ]);
  });

  test('custom --strict-registry compares registry uids; TEXT compares values as text', async () => {
    h = await startHarness();
    const remote = profile(INFRA_FILE);
    for (const p of remote.spec.template.packs) p.registry.metadata.uid = 'other-environment';
    const uid = h.fake.seedProfile(remote, { projectUid: PROJECT_UID });

    expect(await diff({ client: h.client, input: INFRA_FILE, output: h.output })).toBe(ExitCode.OK);
    h.output.clear();
    expect(await diff({ client: h.client, input: INFRA_FILE, strictRegistry: true, output: h.output })).toBe(ExitCode.DIFFERENT);
    expect(h.output.outLines[1]).toBe('  packs.ubuntu-maas.registry.uid: file "5eecc89d0b150045ae661cef", Palette "other-environment"');

    const addons = profile(ADDONS_FILE);
    const addonsUid = h.fake.seedProfile(addons, { projectUid: PROJECT_UID });
    h.output.clear();
    // The export re-quotes apiVersion: the same data, other text.
    expect(await diff({ client: h.client, input: ADDONS_FILE, uid: addonsUid, content: ContentComparison.TEXT, output: h.output })).toBe(ExitCode.DIFFERENT);
    expect(h.output.outLines[1]).toMatch(/^ {2}packs\.vmo-networking\.manifests\.nad-vlan: file "apiVersion: k8s/);
    expect(uid).not.toBe(addonsUid);
  });

  test('fails when the profile is not on Palette: says push it first or pass --uid', async () => {
    h = await startHarness();
    const code = await diff({ client: h.client, input: INFRA_FILE, output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual([`Lab-Infra 1.0.0 (${INFRA_FILE}) is not on Palette in project scope: push it first, or pass --uid`]);
  });

  test('fails on an unknown --uid with one line', async () => {
    h = await startHarness();
    const code = await diff({ client: h.client, input: INFRA_FILE, uid: 'ffffffffffffffffffffffff', output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual(['no profile with uid ffffffffffffffffffffffff on Palette in project scope: check --uid']);
  });

  test('fails on a folder with several profiles: diff compares one', async () => {
    h = await startHarness();
    const code = await diff({ client: h.client, input: SITE, output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toMatch(/^diff compares one profile, and the input holds 2/);
  });

  test('fails with exit 3 on a wrong key, the key nowhere in the output', async () => {
    h = await startHarness({ echoKeyInAuthError: true }, { apiKey: `${TEST_API_KEY}x` });
    const code = await diff({ client: h.client, input: INFRA_FILE, output: h.output });
    expect(code).toBe(ExitCode.AUTH);
    expect(h.output.errLines[0]).toContain('check PALETTE_API_KEY');
    expect(h.output.text()).not.toContain(TEST_API_KEY);
  });
});
