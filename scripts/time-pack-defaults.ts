/*
 * Times what a synth pays per pack layer for its defaults: parsing the values text again,
 * the yaml package's Document.clone(), PackDefaults.toDocument() (a cached parse, cloned),
 * and rendering the clone.
 *
 *   npx tsx scripts/time-pack-defaults.ts [values.yaml ...]
 *
 * Default file: the built-in catalog's Cilium 1.17.4 values (the largest).
 */
import { readFileSync } from 'fs';
import { parseDocument } from 'yaml';
import { PackDefaults } from '../lib/palette/pack-defaults';

const files = process.argv.slice(2);
if (files.length === 0) files.push('packs/cni-cilium-oss/1.17.4/values.yaml');

/** Median milliseconds of `runs` calls, after a warm-up. */
function median(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const defaults = PackDefaults.fromYaml(text, file);
  const parsed = parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: false });
  const parse = median(40, () => parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: false }));
  const yamlClone = median(40, () => parsed.clone());
  const clone = median(40, () => defaults.toDocument());
  const render = median(40, () => defaults.toDocument().toString({ lineWidth: 0 }));
  console.log(
    `${file} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB): parse ${parse.toFixed(2)} ms, yaml Document.clone() ${yamlClone.toFixed(2)} ms, ` +
      `PackDefaults.toDocument() ${clone.toFixed(2)} ms, toDocument()+toString() ${render.toFixed(2)} ms`,
  );
}
