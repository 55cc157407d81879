/**
 * Synthesis benchmark: builds and writes N distinct four-NIC RA sites (N = 1, 10, 100, 1000)
 * and compares the time with a floor, the cost of serializing the same objects and writing
 * the same files without building anything.
 *
 * Run with `npm run bench`. The last line is machine-readable:
 *   sites=1000 per_site_ms=<x> floor_ratio=<synth/floor> scaling=<t1000/(10*t100)> peak_rss_mb=<m>
 * Targets: floor_ratio <= 3, scaling <= 1.2, peak RSS < 1 GiB.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { performance } from 'perf_hooks';
import { parse as parseYaml, parseAllDocuments, stringify as stringifyYaml } from 'yaml';
import { PaletteApp, VmoSite, VmoSiteProps } from '../lib';

const SIZES = [1, 10, 100, 1000];

/**
 * Site i: mgmt 172.(16 + i % 16).(4 * k).0/22 with k = floor(i / 16) (64 blocks per second
 * octet, so 1024 distinct /22s), data 10.(20 + floor(i / 250)).(i % 250).0/24 with the gateway
 * on .1, mgmt VLAN 1000 + i and data VLAN 2000 + i (clear of the VM VLANs 21-100).
 */
export function benchSiteProps(i: number): VmoSiteProps {
  const k = Math.floor(i / 16) % 64;
  const dataNet = `10.${20 + Math.floor(i / 250)}.${i % 250}`;
  return {
    name: `bench-${i}`,
    network: {
      layout: 'four-nic',
      mgmt: { vlan: 1000 + (i % 1000), cidr: `172.${16 + (i % 16)}.${4 * k}.0/22` },
      data: { vlan: 2000 + (i % 1000), cidr: `${dataNet}.0/24`, gateway: `${dataNet}.1` },
    },
    profiles: { layout: 'both' },
  };
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Builds and synthesizes sites [0, n) into a fresh temp folder, one app per site. */
function timeSynth(n: number): number {
  const root = mkdtempSync(join(tmpdir(), 'vmo-bench-synth-'));
  try {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const app = new PaletteApp({ outdir: root });
      new VmoSite(app, `bench-${i}`, benchSiteProps(i));
      app.synth();
      sampleRss();
    }
    return performance.now() - start;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** What the floor serializes and writes for one site, built beforehand (not timed). */
interface FloorInput {
  readonly profiles: readonly object[];
  /** Parsed values of every pack and parsed documents of every manifest. */
  readonly yamlValues: readonly unknown[];
  /** The rendered file map (paths and contents) of the site. */
  readonly files: ReadonlyMap<string, string>;
}

function floorInput(i: number): FloorInput {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const site = new VmoSite(app, `bench-${i}`, benchSiteProps(i));
  const profiles = site.profiles.map((p) => p.toJson());
  const yamlValues: unknown[] = [];
  for (const json of profiles) {
    for (const pack of json.spec.template.packs) {
      if (pack.type !== 'manifest') yamlValues.push(parseYaml(pack.values));
      for (const m of pack.manifests ?? []) for (const d of parseAllDocuments(m.content)) if (!Array.isArray(d)) yamlValues.push(d.toJS());
    }
  }
  const files = app.render().sites.get(site.siteName) ?? new Map<string, string>();
  return { profiles, yamlValues, files };
}

/**
 * The floor for sites [0, n): JSON.stringify of the profile objects, yaml.stringify of the
 * values and manifest objects, and writing the same files with the same content.
 * Inputs are built in batches (untimed) so memory stays bounded.
 */
function timeFloor(n: number): number {
  const root = mkdtempSync(join(tmpdir(), 'vmo-bench-floor-'));
  const BATCH = 50;
  let total = 0;
  try {
    for (let b = 0; b < n; b += BATCH) {
      const inputs: FloorInput[] = [];
      for (let i = b; i < Math.min(n, b + BATCH); i++) inputs.push(floorInput(i));
      sampleRss();
      const start = performance.now();
      let sink = 0;
      inputs.forEach((input, j) => {
        for (const p of input.profiles) sink += JSON.stringify(p, null, 2).length;
        for (const v of input.yamlValues) sink += stringifyYaml(v, { lineWidth: 0 }).length;
        const siteDir = join(root, `bench-${b + j}`);
        for (const [rel, content] of input.files) {
          const path = join(siteDir, rel);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, content);
        }
      });
      total += performance.now() - start;
      if (sink === 0) throw new Error('floor serialized nothing');
    }
    return total;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function main(): void {
  process.env.PALETTE_VMO_QUIET = '1';
  // Warm up module loading, ajv compilation and JIT so N=1 does not pay for them.
  timeSynth(3);
  timeFloor(3);
  gc?.();
  peakRss = 0;
  sampleRss();

  const results = new Map<number, { synth: number; floor: number }>();
  for (const n of SIZES) {
    gc?.();
    const synth = timeSynth(n);
    gc?.();
    const floor = timeFloor(n);
    results.set(n, { synth, floor });
    console.log(
      `sites=${n} synth_ms=${synth.toFixed(2)} floor_ms=${floor.toFixed(2)} per_site_ms=${(synth / n).toFixed(2)} ` +
        `floor_ratio=${(synth / floor).toFixed(2)} rss_mb=${(process.memoryUsage().rss / 2 ** 20).toFixed(1)}`,
    );
  }
  const r1000 = results.get(1000);
  const r100 = results.get(100);
  if (!r1000 || !r100) throw new Error('missing results');
  console.log(
    `sites=1000 per_site_ms=${(r1000.synth / 1000).toFixed(2)} floor_ratio=${(r1000.synth / r1000.floor).toFixed(2)} ` +
      `scaling=${(r1000.synth / (10 * r100.synth)).toFixed(2)} peak_rss_mb=${(peakRss / 2 ** 20).toFixed(1)}`,
  );
}

main();
