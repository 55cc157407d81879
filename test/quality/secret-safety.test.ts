import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, sep } from 'path';
import { parse } from 'yaml';
import {
  CloudType, ClusterProfile, IdentityProvider, PaletteApp, PaletteKubernetesPack, PaletteSite, PortworxPack, ProfileType,
  ProfileLayer, ProfileVariable, PrometheusGrafanaPack, ValidationError, VariableFormat, VmoSite, VmoSiteProps, VmoTemplatesLayer,
} from '../../lib';
import { validateSiteData } from '../../lib/site/site-file';
import { listSites, synthesizeReferenceSites } from '../support/dist-tree';

/**
 * Issue 6 item 3: no secret reaches the output. Secrets are sensitive profile variables without
 * defaults, so (a) every place a user could put a secret is synthesized with a sensitive variable,
 * and refuses a variable that would carry the value into the profile; (b) the committed dist/ holds
 * none of the sample passwords and tokens of the RA and docs, and every variable reference in it
 * is declared by its profile.
 */

/** A recognisable secret: if any output byte holds it, a secret leaked. */
const CANARY = 'S3cr3t-Canary-7f3a';

/** The sample secrets of the RA and the Palette docs, each as a pattern over raw file text. */
const SAMPLE_SECRETS: readonly { what: string; pattern: RegExp }[] = [
  // `\\?` lets a pattern match inside a values string embedded in JSON (`\"welcome\"`).
  { what: "'welcome' as a password", pattern: /pass(word|wd)?\\?["']?\s*[:=]\s*\\?["']?welcome\b/i },
  { what: "'P@ssw0rd!'", pattern: /P@ssw0rd!/ },
  { what: "'password: spectro'", pattern: /password\\?["']?\s*[:=]\s*\\?["']?spectro\b/i },
  { what: "the RA's sample FlashArray token", pattern: /347eba54-4ab6-96cd-e123-f694ab394a3b/i },
  { what: 'a literal APIToken uuid', pattern: /APIToken\\*["']?\s*:\s*\\*["']?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i },
  { what: 'a literal activationId', pattern: /activationId\\?["']?\s*:\s*(?!\\?["']?\{\{\.spectro\.var\.[A-Za-z][A-Za-z0-9_]*\}\})\S/ },
  { what: "a masked value '********'", pattern: /\*{8}/ },
  // Prose too (a rule's source, the site book): the Grafana sample quoted anywhere is written out. (`spectro`
  // alone is Palette's pack type, so only its keyed form above counts.)
  { what: "'welcome' quoted", pattern: /\\?["'`]welcome\\?["'`]/i },
];

interface OutputFile {
  /** Path relative to the output folder, e.g. `ra-reference/profiles/VMO-RA-Core.json`. */
  readonly rel: string;
  readonly text: string;
}

function walk(dir: string, root = dir): OutputFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? walk(path, root) : [{ rel: relative(root, path), text: readFileSync(path, 'utf8') }];
  });
}

/** `file: what (at "...")` for every sample secret in the files. */
function sampleSecretHits(files: readonly OutputFile[]): string[] {
  return files.flatMap((f) =>
    SAMPLE_SECRETS.flatMap(({ what, pattern }) => {
      const m = pattern.exec(f.text);
      return m ? [`${f.rel}: ${what} (at ${JSON.stringify(f.text.slice(m.index, m.index + 60))})`] : [];
    }),
  );
}

interface VariableJson {
  name: string;
  isSensitive?: boolean;
  defaultValue?: unknown;
}

/** `<site>/profiles/<P>.json` -> P and its declared variables. */
function profilesOf(files: readonly OutputFile[]): Map<string, VariableJson[]> {
  const out = new Map<string, VariableJson[]>();
  for (const f of files) {
    const parts = f.rel.split(sep);
    if (parts.length !== 3 || parts[1] !== 'profiles' || !parts[2].endsWith('.json')) continue;
    const json = JSON.parse(f.text) as { spec?: { variables?: VariableJson[] } };
    out.set(`${parts[0]}/${parts[2].slice(0, -'.json'.length)}`, json.spec?.variables ?? []);
  }
  return out;
}

/** Every sensitive variable with a defaultValue, as `site/profile: name`. */
function sensitiveWithDefault(files: readonly OutputFile[]): string[] {
  return [...profilesOf(files)].flatMap(([p, vars]) => vars.filter((v) => v.isSensitive && v.defaultValue !== undefined).map((v) => `${p}: ${v.name}`));
}

/**
 * Every `{{.spectro.var.X}}` whose X its profile does not declare. A file belongs to profile P when
 * it is `<site>/profiles/P.json` or lies under `<site>/profiles/P/` or `<site>/manifests/P/`.
 */
function undeclaredReferences(files: readonly OutputFile[]): string[] {
  const profiles = profilesOf(files);
  const out: string[] = [];
  for (const f of files) {
    const parts = f.rel.split(sep);
    if (parts.length < 3 || (parts[1] !== 'profiles' && parts[1] !== 'manifests')) continue;
    const profile = `${parts[0]}/${parts.length === 3 ? parts[2].replace(/\.json$/, '') : parts[2]}`;
    const declared = new Set((profiles.get(profile) ?? []).map((v) => v.name));
    for (const m of f.text.matchAll(/\{\{\s*\.spectro\.var\.([A-Za-z0-9_]+)\s*\}\}/g)) {
      if (!declared.has(m[1])) out.push(`${f.rel}: ${m[1]} is not declared by profile ${profile}`);
    }
  }
  return [...new Set(out)];
}

/** A fresh output folder; removed after the test file. */
const tmpDirs: string[] = [];
function tmpOut(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secret-safety-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => tmpDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// The reference sites' warnings (NET-008) are not this test's business.
const quiet = process.env.PALETTE_VMO_QUIET;
beforeAll(() => (process.env.PALETTE_VMO_QUIET = '1'));
afterAll(() => (quiet === undefined ? delete process.env.PALETTE_VMO_QUIET : (process.env.PALETTE_VMO_QUIET = quiet)));

const secret = (name: string) => new ProfileVariable(name, { displayName: name, description: 'entered at deploy time', required: true, isSensitive: true });
/** The two ways a variable carries a secret into the profile: no masking, or a default. */
const leaking = (name: string) => [
  { how: 'non-sensitive with the secret as default', v: new ProfileVariable(name, { defaultValue: CANARY }) },
  { how: 'sensitive with the secret as default', v: new ProfileVariable(name, { isSensitive: true, defaultValue: CANARY }) },
  { how: 'non-sensitive without default', v: new ProfileVariable(name, { format: VariableFormat.STRING }) },
];

/** Every secret-bearing prop of the lower-level constructs, building its construct in `site`. */
const SECRET_PROPS: readonly { prop: string; build: (site: PaletteSite, v: ProfileVariable) => ProfileLayer }[] = [
  { prop: 'PortworxPack activationId', build: (s, v) => new PortworxPack(s, 'portworx', { flashArrays: [{ mgmtEndpoint: '172.16.200.50' }], maxStorageNodes: 5, activationId: v }) },
  { prop: 'PortworxPack flashArrays[].apiToken', build: (s, v) => new PortworxPack(s, 'portworx', { flashArrays: [{ mgmtEndpoint: '172.16.200.50', apiToken: v }], maxStorageNodes: 5 }) },
  { prop: 'PrometheusGrafanaPack grafanaAdminPassword', build: (s, v) => new PrometheusGrafanaPack(s, 'prometheus', { grafanaHost: 'grafana.example.local', grafanaAdminPassword: v }) },
  { prop: 'VmoTemplatesLayer ubuntuPassword', build: (s, v) => new VmoTemplatesLayer(s, 'templates', { ubuntuPassword: v }) },
  { prop: 'VmoTemplatesLayer windowsAdministratorPassword', build: (s, v) => new VmoTemplatesLayer(s, 'templates', { windowsAdministratorPassword: v }) },
  {
    prop: 'PaletteKubernetesPack custom OIDC clientSecret',
    build: (s, v) =>
      new PaletteKubernetesPack(s, 'kubernetes', { identityProvider: IdentityProvider.custom({ issuerUrl: 'https://idp.example.com/realms/main', clientId: 'vmo', clientSecret: v }) }),
  },
];

const RA_REFERENCE: VmoSiteProps = {
  nodes: { controlPlane: 3, workers: 5 },
  network: {
    layout: 'four-nic',
    pxe: { vlan: 0, cidr: '192.168.0.0/22' },
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
  vmVlans: '21-100',
  storage: { portworx: { sanType: 'FC', deviceSizeGiB: 1024, replication: 2, flashArrays: [{ mgmtEndpoint: '172.16.200.50' }, { mgmtEndpoint: '172.16.200.51' }] } },
  templates: { networks: [{ vlan: 30 }], untaggedNetwork: true, goldenImages: true },
  profiles: { layout: 'both', variables: true },
};

describe('synthesized sites (issue 6 item 3a)', () => {
  test('VmoSite: every sensitive variable has no default, every reference is declared, no sample secret is written', () => {
    const out = tmpOut();
    const app = new PaletteApp({ outdir: out });
    new VmoSite(app, 'ra-reference', RA_REFERENCE);
    new VmoSite(app, 'ra-fixed', { ...RA_REFERENCE, profileNamePrefix: 'VMO-RA-Fixed', profiles: { layout: 'split', variables: false } });
    app.synth();
    const files = walk(out);
    const profiles = profilesOf(files);
    expect(profiles.size).toBeGreaterThan(1);
    const sensitive = [...profiles.values()].flat().filter((v) => v.isSensitive).map((v) => v.name);
    // The RA's secrets: FlashArray tokens, Portworx license, Grafana and VM passwords.
    expect(new Set(sensitive)).toEqual(
      new Set(['flashArrayApiToken', 'flashArrayApiToken2', 'portworxActivationId', 'grafanaAdminPassword', 'vmUbuntuPassword', 'vmWindowsAdminPassword']),
    );
    expect(sensitiveWithDefault(files)).toEqual([]);
    expect(undeclaredReferences(files)).toEqual([]);
    expect(sampleSecretHits(files)).toEqual([]);
  });

  test('a site file has no field for a secret value: one given is refused', () => {
    const data = { name: 'leaky', network: RA_REFERENCE.network, monitoring: { grafanaAdminPassword: CANARY } };
    expect(() => validateSiteData(data, 'leaky.yaml')).toThrow(ValidationError);
    expect(() => validateSiteData(data, 'leaky.yaml')).toThrow(/grafanaAdminPassword/);
    const token = { name: 'leaky', network: RA_REFERENCE.network, storage: { portworx: { flashArrays: [{ mgmtEndpoint: '172.16.200.50', apiToken: CANARY }] } } };
    expect(() => validateSiteData(token, 'leaky.yaml')).toThrow(/apiToken/);
  });

  test('every secret prop given a sensitive variable: declared without default, referenced, and the only place the secret goes', () => {
    const out = tmpOut();
    const app = new PaletteApp({ outdir: out });
    SECRET_PROPS.forEach(({ build }, i) => {
      const site = new PaletteSite(app, `secret-${i}`);
      // One layer per profile keeps each secret's output apart; infra layers then sit in an add-on profile.
      site.suppress('PAL-006', 'one-layer profiles of the secret-safety test');
      const layer = build(site, secret('siteSecret'));
      new ClusterProfile(site, 'addon', { name: `secret-${i}`, type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers: [layer] });
    });
    app.synth();
    const files = walk(out);
    const profiles = profilesOf(files);
    expect(profiles.size).toBe(SECRET_PROPS.length);
    for (const [p, vars] of profiles) {
      const v = vars.find((x) => x.name === 'siteSecret');
      expect({ p, v }).toEqual({ p, v: expect.objectContaining({ name: 'siteSecret', isSensitive: true }) });
      expect(v).not.toHaveProperty('defaultValue');
      const text = files.filter((f) => f.rel.startsWith(`${p.split('/')[0]}${sep}`)).map((f) => f.text).join('\n');
      expect({ p, referenced: text.includes('{{.spectro.var.siteSecret}}') }).toEqual({ p, referenced: true });
    }
    expect(sensitiveWithDefault(files)).toEqual([]);
    expect(undeclaredReferences(files)).toEqual([]);
    expect(sampleSecretHits(files)).toEqual([]);
  });

  describe.each(SECRET_PROPS)('$prop', ({ build }) => {
    test.each(leaking('siteSecret'))('refuses a variable $how, and the secret is written nowhere', ({ v }) => {
      const out = tmpOut();
      const app = new PaletteApp({ outdir: out });
      let error: unknown;
      try {
        build(new PaletteSite(app, 'leaky'), v);
      } catch (e) {
        error = e;
      }
      // Not refused: write what the program would have written, so the assertions below show it.
      if (error === undefined) app.synth();
      expect(error).toBeInstanceOf(ValidationError);
      // The refusal names the variable but never echoes its value.
      expect((error as Error).message).toContain('siteSecret');
      expect((error as Error).message).not.toContain(CANARY);
      expect(walk(out).filter((f) => f.text.includes(CANARY)).map((f) => f.rel)).toEqual([]);
      expect(walk(out)).toEqual([]);
    });
  });
});

describe('the reference sites, synthesized afresh (issue 6 item 3b)', () => {
  const out = synthesizeReferenceSites(tmpOut());
  const sites = listSites(out);
  const files = walk(out).filter((f) => sites.includes(f.rel.split(sep)[0]));

  test('holds sites with profiles', () => {
    expect(sites).not.toEqual([]);
    expect(profilesOf(files).size).toBeGreaterThanOrEqual(sites.length);
  });

  test('no file holds a sample password or token', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(sampleSecretHits(files)).toEqual([]);
  });

  test('every sensitive variable has no default, in the profiles and in variables.yaml', () => {
    expect(sensitiveWithDefault(files)).toEqual([]);
    const shown = files
      .filter((f) => f.rel.endsWith(`${sep}variables.yaml`))
      .flatMap((f) => {
        const doc = (parse(f.text) ?? {}) as Record<string, Record<string, { sensitive?: boolean; value?: unknown }>>;
        return Object.entries(doc).flatMap(([p, vars]) =>
          Object.entries(vars ?? {}).filter(([, v]) => v?.sensitive === true).map(([n, v]) => `${f.rel} ${p}.${n}: ${String(v.value)}`),
        );
      });
    expect(shown.length).toBeGreaterThan(0);
    // A sensitive variable's site value is entered at deploy time, never written.
    expect(shown.filter((s) => !/: \(enter at deploy time\)$/.test(s))).toEqual([]);
  });

  test('every {{.spectro.var.X}} refers to a variable its profile declares', () => {
    expect(files.some((f) => f.text.includes('{{.spectro.var.'))).toBe(true);
    expect(undeclaredReferences(files)).toEqual([]);
  });
});

describe('the scanners bite', () => {
  test('each sample secret is found, including inside a JSON-embedded values string', () => {
    const samples = [
      'adminPassword: welcome',
      JSON.stringify({ values: 'grafana:\n  adminPassword: "welcome"\n' }),
      'password: P@ssw0rd!',
      'password: spectro',
      'token: 347eba54-4ab6-96cd-e123-f694ab394a3b',
      JSON.stringify({ 'pure.json': JSON.stringify({ FlashArrays: [{ APIToken: '11111111-2222-3333-4444-555555555555' }] }) }),
      "activationId: '<Activation ID>'",
      'value: ********',
      "| SEC-002 | seed 001 Grafana 'welcome' |",
    ];
    const hits = samples.map((text, i) => sampleSecretHits([{ rel: `f${i}`, text }]));
    // The quoted JSON form is both a keyed password and a quoted sample.
    expect(hits.map((h) => h.length)).toEqual(samples.map((s) => (s.includes('\\"welcome\\"') ? 2 : 1)));
    expect(sampleSecretHits([{ rel: 'ok', text: "activationId: '{{.spectro.var.portworxActivationId}}'\nwelcome: true\nAPIToken: \"{{.spectro.var.t}}\"" }])).toEqual([]);
  });

  test('a sensitive default and an undeclared reference are found', () => {
    const profile = JSON.stringify({ spec: { variables: [{ name: 'a', isSensitive: true, defaultValue: 'x' }] } });
    const files = [
      { rel: ['s', 'profiles', 'P.json'].join(sep), text: profile },
      { rel: ['s', 'manifests', 'P', 'm.yaml'].join(sep), text: 'x: "{{.spectro.var.a}}"\ny: "{{.spectro.var.b}}"' },
    ];
    expect(sensitiveWithDefault(files)).toEqual(['s/P: a']);
    expect(undeclaredReferences(files)).toEqual([`${files[1].rel}: b is not declared by profile s/P`]);
  });
});
