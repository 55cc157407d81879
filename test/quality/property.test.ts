import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import * as fc from 'fast-check';
import { PaletteApp, VmoSite, VmoSiteProps } from '../../lib';
import { isValidationError } from '../../lib/common/errors';
import { validateObject } from '../support/crd-schemas';
import { manifestObjects, parseStrictYaml } from '../support/dist-tree';
import { validateProfile } from '../support/profile-schema';

/** The files synth wrote into a site folder, as `render()` returns them (the ownership marker aside). */
function siteFolderFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f !== '.palette-vmo-site') files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/**
 * Property: for any site description, VmoSite either renders output that every validator
 * accepts, or throws a ValidationError (a user mistake, reported as such) and writes nothing.
 * Any other exception is a bug.
 */

// Kinds we accept without a schema: none. Every emitted object must be checkable.
const KINDS_WITHOUT_SCHEMA: readonly string[] = [];

/** Mostly `base`, sometimes an arbitrary value: keeps many runs valid so the render path is exercised. */
function mostly<T>(base: T, other: fc.Arbitrary<T>, weight = 4): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constant(base), weight }, { arbitrary: other, weight: 1 });
}

function maybe<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });
}

const octet = fc.integer({ min: 0, max: 255 });

/** An IPv4 address as text. */
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

/** An IPv4 CIDR; the network address most of the time, sometimes with host bits set. */
const cidr = fc
  .tuple(octet, octet, octet, octet, fc.integer({ min: 8, max: 30 }), fc.integer({ min: 0, max: 4 }))
  .map(([a, b, c, d, prefix, hostBits]) => {
    // One in five keeps the host bits (invalid); shrinking heads for 0, the valid case.
    const keepHostBits = hostBits === 4;
    const n = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const v = keepHostBits ? n : (n & mask) >>> 0;
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}/${prefix}`;
  });

/** VLAN ids 0..5000: 4095 and above are invalid. */
const vlanId = fc.integer({ min: 0, max: 5000 });

/** A VLAN list as text: ids and ranges, comma-separated (ranges may be reversed). */
const vlanText = fc
  .array(fc.oneof(vlanId.map(String), fc.tuple(vlanId, vlanId).map(([a, b]) => `${a}-${b}`)), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(','));

const subnet = (base: { vlan: number; cidr: string; gateway?: string }) =>
  mostly(base, fc.record({ vlan: vlanId, cidr, gateway: maybe(ipv4) }).map((s) => (s.gateway === undefined ? { vlan: s.vlan, cidr: s.cidr } : s)));

const poolAddress = fc.oneof(
  cidr,
  fc.tuple(ipv4, ipv4).map(([a, b]) => `${a}-${b}`),
  // Inside the default data subnet, so valid pools occur too.
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }), fc.integer({ min: 1, max: 254 })).map(([c, lo, hi]) => `10.20.${c}.${Math.min(lo, hi)}-10.20.${c}.${Math.max(lo, hi)}`),
);

const pools = fc.array(
  fc.record({
    name: fc.constantFrom('first-pool', 'second-pool', 'Bad_Pool', ''),
    addresses: fc.array(poolAddress, { minLength: 0, maxLength: 3 }),
    autoAssign: maybe(fc.boolean()),
  }),
  { minLength: 0, maxLength: 3 },
);

const oidc = fc.record({
  issuerUrl: fc.constantFrom('https://idp.example.com', 'http://idp.example.com', 'not a url', ''),
  clientId: fc.constantFrom('vmo', ''),
});

const siteProps: fc.Arbitrary<VmoSiteProps> = fc
  .record({
    layout: fc.constantFrom('four-nic', 'two-nic', 'two-nic-vm-on-data-vlan') as fc.Arbitrary<'four-nic' | 'two-nic' | 'two-nic-vm-on-data-vlan'>,
    mgmt: subnet({ vlan: 10, cidr: '172.16.0.0/22' }),
    data: subnet({ vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' }),
    vmVlans: maybe(fc.oneof(fc.constant('22-100'), vlanText)),
    controlPlane: maybe(fc.integer({ min: 1, max: 7 })),
    workers: maybe(fc.integer({ min: 0, max: 200 })),
    podCidr: maybe(cidr),
    serviceCidr: maybe(cidr),
    identityProvider: maybe(fc.constantFrom('palette', 'tenant', 'custom', 'noauth') as fc.Arbitrary<'palette' | 'tenant' | 'custom' | 'noauth'>),
    oidc: maybe(oidc),
    pools: maybe(pools),
    replication: maybe(fc.integer({ min: 0, max: 4 })),
    profileLayout: maybe(fc.constantFrom('full', 'split', 'both') as fc.Arbitrary<'full' | 'split' | 'both'>),
    variables: maybe(fc.boolean()),
  })
  .map((r): VmoSiteProps => ({
    name: 'prop',
    network: { layout: r.layout, mgmt: r.mgmt, data: r.data },
    ...(r.vmVlans !== undefined ? { vmVlans: r.vmVlans } : {}),
    nodes: { controlPlane: r.controlPlane, workers: r.workers },
    kubernetes: { podCidr: r.podCidr, serviceCidr: r.serviceCidr, identityProvider: r.identityProvider, oidc: r.oidc },
    ...(r.pools !== undefined ? { loadBalancer: { pools: r.pools } } : {}),
    storage: { portworx: { replication: r.replication } },
    profiles: { layout: r.profileLayout, variables: r.variables },
  }));

/** Every problem the validators find in one site's rendered files; [] when all pass. */
function outputProblems(files: Map<string, string>): string[] {
  const problems: string[] = [];
  const profileFiles = [...files].filter(([rel]) => /^profiles\/[^/]+\.json$/.test(rel));
  if (profileFiles.length === 0) problems.push('no profile JSON rendered');
  for (const [rel, content] of profileFiles) {
    const json = JSON.parse(content) as { spec: { template: { packs: { name: string; values?: string; manifests?: { name: string; content: string }[] }[] } } };
    problems.push(...validateProfile(json).map((e) => `${rel} ${e}`));
    for (const pack of json.spec.template.packs) {
      const where = `${rel} ${pack.name}`;
      if (typeof pack.values === 'string') problems.push(...parseStrictYaml(pack.values).errors.map((e) => `${where} values ${e}`));
      for (const m of pack.manifests ?? []) {
        const manifest = { where: `${where} manifest ${m.name}`, name: m.name, content: m.content };
        problems.push(...parseStrictYaml(m.content).errors.map((e) => `${manifest.where} ${e}`));
        for (const { where: w, value } of manifestObjects(manifest)) {
          const result = validateObject(value);
          if (result === undefined) {
            const { apiVersion, kind } = value as { apiVersion?: string; kind?: string };
            if (!KINDS_WITHOUT_SCHEMA.includes(`${apiVersion} ${kind}`)) problems.push(`${w}: no schema for ${apiVersion} ${kind}`);
          } else {
            problems.push(...result.map((e) => `${w} ${e}`));
          }
        }
      }
    }
  }
  for (const [rel, content] of files) {
    if (rel.endsWith('.yaml')) problems.push(...parseStrictYaml(content).errors.map((e) => `${rel} ${e}`));
  }
  return problems;
}

describe('VmoSite property', () => {
  const roots: string[] = [];
  beforeAll(() => {
    process.env.PALETTE_VMO_QUIET = '1';
  });
  afterAll(() => {
    delete process.env.PALETTE_VMO_QUIET;
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  test('valid output or a ValidationError, and nothing written on failure', () => {
    let run = 0;
    let rendered = 0;
    let rejected = 0;
    fc.assert(
      fc.property(siteProps, (props) => {
        const viaSynth = run++ % 5 === 0;
        const root = viaSynth ? mkdtempSync(join(tmpdir(), 'vmo-prop-')) : undefined;
        if (root) roots.push(root);
        const outdir = root ? join(root, 'out') : '/nonexistent-vmo-prop';
        let files: Map<string, string> | undefined;
        try {
          const app = new PaletteApp({ outdir });
          new VmoSite(app, 'prop', props);
          if (viaSynth) {
            app.synth();
            files = siteFolderFiles(join(outdir, 'prop'));
          } else {
            files = app.render().sites.get('prop');
          }
        } catch (e) {
          if (!isValidationError(e)) throw e;
          rejected++;
          if (process.env.PROPERTY_DEBUG) console.log(String((e as Error).message).split("\n").slice(0, 3).join(" / ").slice(0, 200));
          // A rejected site leaves no trace: no site folder, no temporary folder next to it.
          if (root) expect(readdirSync(root)).toEqual([]);
          return;
        }
        rendered++;
        expect(files).toBeDefined();
        if (root) expect(existsSync(join(outdir, 'prop', 'checks.json'))).toBe(true);
        expect(outputProblems(files ?? new Map())).toEqual([]);
        if (root) rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100), seed: Number(process.env.PROPERTY_SEED ?? 20261121) },
    );
    // The generators must exercise both outcomes, or the property proves little.
    if (process.env.PROPERTY_DEBUG) console.log({ rendered, rejected });
    expect(rendered).toBeGreaterThan(5);
    expect(rejected).toBeGreaterThan(5);
  }, 120_000);
});
