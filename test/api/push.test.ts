import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { OnExists, push } from '../../lib/api/commands';
import { ExitCode } from '../../lib/api/exit-code';
import { ProfileJson } from '../../lib/palette/cluster-profile';
import { PUBLIC_REPO } from '../support/fake-palette';
import { ADDONS_FILE, catalog, Harness, INFRA_FILE, PROJECT_UID, SITE, startHarness, TEST_API_KEY } from './api-harness';

let h: Harness;
const temporary: string[] = [];
afterEach(async () => {
  await h.close();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pvmo-push-'));
  temporary.push(dir);
  return dir;
}

function profile(file: string): ProfileJson {
  return JSON.parse(readFileSync(file, 'utf8')) as ProfileJson;
}

/** A copy of a fixture with one change, written to a temporary file. */
function changedCopy(file: string, change: (doc: ProfileJson) => void): string {
  const doc = profile(file);
  change(doc);
  const path = join(temporaryDir(), 'Changed.json');
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
  return path;
}

const imports = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/clusterprofiles/import') && r.path !== '/v1/clusterprofiles/import/validate');

describe('push', () => {
  test('defaults: a site folder imports infra before add-ons as multipart importFile with the exact bytes', async () => {
    h = await startHarness();
    const code = await push({ client: h.client, inputs: [SITE], output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    const sent = imports();
    expect(sent.map((r) => r.path)).toEqual(['/v1/clusterprofiles/import/file', '/v1/clusterprofiles/import/file']);
    expect(sent.map((r) => r.parts?.[0].fileName)).toEqual(['Lab-Infra.json', 'Lab-Addons.json']);
    for (const [req, file] of [[sent[0], INFRA_FILE], [sent[1], ADDONS_FILE]] as const) {
      expect(req.query).toEqual({ publish: 'true', format: 'json' });
      expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(req.parts?.map((p) => p.name)).toEqual(['importFile']);
      expect(req.parts?.[0].type).toBe('application/json');
      expect(req.parts?.[0].bytes.equals(readFileSync(file))).toBe(true);
    }
    for (const req of h.fake.requests) {
      expect(req.headers.apikey).toBe(TEST_API_KEY);
      expect(req.headers.projectuid).toBe(PROJECT_UID);
    }
    expect(h.output.outLines).toEqual([
      expect.stringMatching(/^Lab-Infra 1\.0\.0: created \(uid [0-9a-f]{24}\)$/),
      expect.stringMatching(/^Lab-Addons 1\.0\.0: created \(uid [0-9a-f]{24}\)$/),
    ]);
    const stored = [...h.fake.profiles.values()];
    expect(stored.map((s) => [(s.document.metadata as { name: string }).name, s.scope, s.published])).toEqual([
      ['Lab-Infra', 'project', true],
      ['Lab-Addons', 'project', true],
    ]);
  });

  test('defaults: a second push of the same folder reports unchanged and imports nothing', async () => {
    h = await startHarness();
    await push({ client: h.client, inputs: [SITE], output: h.output });
    const uids = [...h.fake.profiles.keys()];
    h.output.clear();
    const before = imports().length;

    const code = await push({ client: h.client, inputs: [SITE], output: h.output });

    expect(code).toBe(ExitCode.OK);
    expect(imports().length).toBe(before);
    expect(h.output.outLines).toEqual([`Lab-Infra 1.0.0: unchanged (uid ${uids[0]})`, `Lab-Addons 1.0.0: unchanged (uid ${uids[1]})`]);
  });

  test('custom tenant scope: no ProjectUid header, the profile lands in the tenant', async () => {
    h = await startHarness({}, { projectUid: null });
    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.OK);
    expect(h.fake.requests.every((r) => r.headers.projectuid === undefined)).toBe(true);
    expect([...h.fake.profiles.values()][0].scope).toBe('tenant');
  });

  test('fails when the same version exists with other content: names the path and says bump the version', async () => {
    h = await startHarness();
    await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });
    h.output.clear();
    const changed = changedCopy(INFRA_FILE, (d) => {
      d.spec.template.packs[1].values = d.spec.template.packs[1].values.replace('10.96.0.0/12', '10.97.0.0/16');
    });

    const code = await push({ client: h.client, inputs: [changed], output: h.output });

    expect(code).toBe(ExitCode.EXISTS_AND_DIFFERS);
    expect(h.output.errLines).toHaveLength(1);
    const line = h.output.errLines[0];
    expect(line).toContain('Lab-Infra 1.0.0');
    expect(line).toContain('bump the version');
    expect(line).toContain('--on-exists=replace');
    expect(line).toContain('packs.kubernetes.values.pack.serviceClusterIpRange');
    expect(h.fake.profiles.size).toBe(1);
  });

  test('custom --on-exists=replace: deletes the unused profile and imports the new content', async () => {
    h = await startHarness();
    await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });
    const [oldUid] = h.fake.profiles.keys();
    h.output.clear();
    const changed = changedCopy(INFRA_FILE, (d) => {
      d.spec.variables[0].defaultValue = '100.64.0.0/17';
    });

    const code = await push({ client: h.client, inputs: [changed], onExists: OnExists.REPLACE, output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    expect(h.fake.requestsTo('DELETE', `/v1/clusterprofiles/${oldUid}`)).toHaveLength(1);
    const [newUid] = h.fake.profiles.keys();
    expect(newUid).not.toBe(oldUid);
    expect(h.output.outLines).toEqual([`Lab-Infra 1.0.0: replaced (uid ${newUid})`]);
  });

  test('fails --on-exists=replace when a cluster uses the profile', async () => {
    h = await startHarness();
    const uid = h.fake.seedProfile(profile(INFRA_FILE), { projectUid: PROJECT_UID, inUseClusters: ['edge-1'] });
    const changed = changedCopy(INFRA_FILE, (d) => {
      d.metadata.description = 'other';
    });

    const code = await push({ client: h.client, inputs: [changed], onExists: OnExists.REPLACE, output: h.output });

    expect(code).toBe(ExitCode.EXISTS_AND_DIFFERS);
    expect(h.output.errLines[0]).toMatch(/cannot replace uid .*1 cluster\(s\) use it \(edge-1\).*bump the version/);
    expect(h.fake.profiles.has(uid)).toBe(true);
    expect(h.fake.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  test('fails with --on-exists=fail even when the content is the same', async () => {
    h = await startHarness();
    h.fake.seedProfile(profile(INFRA_FILE), { projectUid: PROJECT_UID });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], onExists: OnExists.FAIL, output: h.output });

    expect(code).toBe(ExitCode.EXISTS_AND_DIFFERS);
    expect(h.output.errLines[0]).toMatch(/Lab-Infra 1\.0\.0: exists on Palette .*--on-exists is fail: bump the version/);
  });

  test('fails when the name and version exist in the tenant while pushing to a project', async () => {
    h = await startHarness();
    h.fake.seedProfile(profile(INFRA_FILE));

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.EXISTS_AND_DIFFERS);
    expect(h.output.errLines[0]).toMatch(/exists on Palette in tenant scope .*not in project scope/);
  });

  test('custom registry: packs are remapped by name and kind to the target uid and imported as JSON', async () => {
    const target = { uid: '6500000000000000000000aa', name: 'Public Repo', kind: 'pack' };
    h = await startHarness({ registries: [target], packs: catalog(target.uid), omitMatchingRegistries: true });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    const [sent] = imports();
    expect(sent.path).toBe('/v1/clusterprofiles/import');
    expect(sent.query).toEqual({ publish: 'true' });
    expect(sent.headers['content-type']).toBe('application/json');
    const body = JSON.parse(sent.body.toString()) as ProfileJson;
    expect(body.spec.template.packs.map((p) => p.registry.metadata.uid)).toEqual([target.uid, target.uid, target.uid]);
    // Every other field is kept as in the file.
    expect(body.metadata).toEqual(profile(INFRA_FILE).metadata);

    h.output.clear();
    expect(await push({ client: h.client, inputs: [INFRA_FILE], output: h.output })).toBe(ExitCode.OK);
    expect(h.output.outLines[0]).toContain('unchanged');
  });

  test('custom --registry-map: a pack moves to an OCI registry and its type becomes oci', async () => {
    const oci = { uid: '64eaff453040297344bcad5d', name: 'Palette Registry', kind: 'oci', isPrivate: true };
    h = await startHarness({ registries: [PUBLIC_REPO, oci], packs: [...catalog(), ...catalog(oci.uid)] });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], registryMap: new Map([['Public Repo', oci.uid]]), output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    const body = JSON.parse(imports()[0].body.toString()) as ProfileJson;
    expect(body.spec.template.packs.map((p) => [p.type, p.registry.metadata.name, p.registry.metadata.uid])).toEqual([
      ['oci', 'Palette Registry', oci.uid],
      ['oci', 'Palette Registry', oci.uid],
      ['oci', 'Palette Registry', oci.uid],
    ]);
    h.output.clear();
    expect(await push({ client: h.client, inputs: [INFRA_FILE], registryMap: new Map([['Public Repo', oci.uid]]), output: h.output })).toBe(ExitCode.OK);
    expect(h.output.outLines[0]).toContain('unchanged');
  });

  test('fails when a pack is missing from the target: Palette code, layer and pack named, nothing imported', async () => {
    h = await startHarness({ packs: catalog().filter((p) => p.name !== 'kubernetes') });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines.join('\n')).toContain('PackNotFound');
    expect(h.output.errLines.join('\n')).toMatch(/layer kubernetes: .*kubernetes 1\.32\.4 is not in registry 'Public Repo'/);
    expect(imports()).toHaveLength(0);
  });

  test('fails when no registry of the target has the file registry name: lists the registries and the --registry-map fix', async () => {
    h = await startHarness({ registries: [{ uid: 'r-oci', name: 'Palette Registry', kind: 'oci' }], omitMatchingRegistries: true });
    h.fake.rules.packNotFound = false;
    h.fake.rules.packType = false;

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toMatch(/layer ubuntu-maas: no registry 'Public Repo' \(kind pack\) on this Palette: map it with --registry-map 'Public Repo=<uid>' \(registries: 'Palette Registry' kind oci uid r-oci\)/);
    expect(imports()).toHaveLength(0);
  });

  test('fails when a referenced user macro does not exist on Palette', async () => {
    h = await startHarness({ macros: [{ name: 'ntpServer', value: 'pool.ntp.org' }] });
    const doc = profile(ADDONS_FILE);
    doc.spec.template.packs[0].values += "ntp: '{{ .spectro.macro.ntpServer }}'\nsyslog: '{{.spectro.macro.syslogHost | default \"x\"}}'\n";

    const code = await push({ client: h.client, inputs: [{ source: 'macros.json', json: doc }], output: h.output });

    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual([expect.stringMatching(/^macros\.json: macro 'syslogHost' is not defined on this Palette: create it/)]);
  });

  test('fails the local checks before sending anything', async () => {
    h = await startHarness();
    const broken = changedCopy(ADDONS_FILE, (d) => {
      d.spec.template.packs[0].values += "vip: '{{.spectro.var.undeclared}}'\n";
    });

    const code = await push({ client: h.client, inputs: [INFRA_FILE, broken], output: h.output });

    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toMatch(/Changed\.json: PAL-001 error .*undeclared/);
    expect(h.fake.requests).toHaveLength(0);
  });

  test('fails on a missing file with one line naming it', async () => {
    h = await startHarness();
    const code = await push({ client: h.client, inputs: ['no/such/site'], output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines).toEqual(["no such file or folder 'no/such/site': pass a profile JSON file or a site output folder (dist/<site>/)"]);
  });

  test('fails on a folder without profiles, and on a file that is not JSON', async () => {
    h = await startHarness();
    const empty = temporaryDir();
    expect(await push({ client: h.client, inputs: [empty], output: h.output })).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toContain('holds no profiles/*.json');
    const notJson = join(empty, 'x.json');
    writeFileSync(notJson, 'nope');
    h.output.clear();
    expect(await push({ client: h.client, inputs: [notJson], output: h.output })).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toBe(`${notJson} is not JSON: pass a profile JSON file as synth writes it`);
  });

  test('custom: an import that fails after Palette stored the profile is adopted when the content matches', async () => {
    h = await startHarness();
    h.fake.failNext({ method: 'POST', path: '/v1/clusterprofiles/import/file', status: 500, times: 3, afterHandling: true });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(h.output.errLines).toEqual([]);
    expect(code).toBe(ExitCode.OK);
    const [uid] = h.fake.profiles.keys();
    expect(h.output.outLines[0]).toMatch(new RegExp(`^Lab-Infra 1\\.0\\.0: created \\(uid ${uid}; adopted after 500 InternalError\\)$`));
  });

  test('fails when the import fails and Palette then holds other content under the name and version', async () => {
    h = await startHarness();
    const other = profile(INFRA_FILE);
    other.metadata.description = 'pushed by someone else';
    h.fake.failNext({ method: 'POST', path: '/v1/clusterprofiles/import/file', status: 500, times: 3, onAnswer: () => void h.fake.seedProfile(other, { projectUid: PROJECT_UID }) });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.EXISTS_AND_DIFFERS);
    expect(h.output.errLines[0]).toMatch(/^Lab-Infra 1\.0\.0: import failed \(InternalError\) and Palette now holds uid \w+ with other content \(first description: .*\): bump the version/);
  });

  test('fails when validate reports the name and version taken although the list does not show it', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/clusterprofiles/import/validate', status: 409, body: JSON.stringify({ code: 'ClusterProfileAlreadyExists', message: 'exists' }) });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.EXISTS_AND_DIFFERS);
    expect(h.output.errLines).toEqual(['Lab-Infra 1.0.0: Palette reports this name and version as taken, but it is not listed in project scope: bump the version (spec.version)']);
  });

  test('fails on a --registry-map uid that names no registry, listing the registries', async () => {
    h = await startHarness();
    const code = await push({ client: h.client, inputs: [INFRA_FILE], registryMap: new Map([['Public Repo', 'nope']]), output: h.output });
    expect(code).toBe(ExitCode.INVALID);
    expect(h.output.errLines[0]).toMatch(/layer ubuntu-maas: --registry-map 'Public Repo=nope' names no registry of this Palette \('Public Repo' kind pack uid 5eecc89d0b150045ae661cef\): use one of these uids$/);
  });

  test('fails with exit 3 on 401, saying check PALETTE_API_KEY and never printing the key', async () => {
    h = await startHarness({ echoKeyInAuthError: true }, { apiKey: `${TEST_API_KEY}-wrong` });

    const code = await push({ client: h.client, inputs: [SITE], output: h.output });

    expect(code).toBe(ExitCode.AUTH);
    expect(h.output.errLines).toHaveLength(1);
    expect(h.output.errLines[0]).toContain('401 Unauthorized');
    expect(h.output.errLines[0]).toContain('check PALETTE_API_KEY (and PALETTE_PROJECT_UID)');
    expect(h.output.text()).not.toContain(TEST_API_KEY);
    expect(h.fake.requests).toHaveLength(1);
  });

  test('fails with exit 4 when Palette keeps answering 503 after the retries', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/dashboard/clusterprofiles/metadata', status: 503, times: 10 });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.TRANSPORT);
    expect(h.output.errLines[0]).toMatch(/GET \/v1\/dashboard\/clusterprofiles\/metadata answered 503 InternalError: scripted 503 \(ref r-\d+\): Palette kept failing after 2 retries/);
    expect(h.fake.requestsTo('GET', '/v1/dashboard/clusterprofiles/metadata')).toHaveLength(3);
  });

  test('custom: 429 then success and 500 then success both push', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/clusterprofiles/import/file', status: 429, retryAfter: '0' });
    h.fake.failNext({ path: '/v1/clusterprofiles/import/validate', status: 500 });

    const code = await push({ client: h.client, inputs: [INFRA_FILE], output: h.output });

    expect(code).toBe(ExitCode.OK);
    expect(h.fake.requestsTo('POST', '/v1/clusterprofiles/import/file')).toHaveLength(2);
    expect(h.fake.requestsTo('POST', '/v1/clusterprofiles/import/validate')).toHaveLength(2);
    const [first, second] = h.fake.requestsTo('POST', '/v1/clusterprofiles/import/file');
    expect(second.body.equals(first.body)).toBe(true);
  });
});
