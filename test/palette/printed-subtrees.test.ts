import * as fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { parseDocument } from 'yaml';
import { LayerType, PackCatalog, PackDefaults, PackLayer } from '../../lib/palette';
import { printedSubtreesOf, RecipePaths } from '../../lib/palette/printed-subtrees';
import { outputDocument, printDocument } from '../../lib/palette/yaml-format';
import { REPO_ROOT } from '../helpers';

/**
 * The built-in catalog's large parts of pack defaults are printed at build time and spliced into
 * a layer's values where its recipe leaves them alone (lib/palette/printed-subtrees.ts). The
 * values must be the same bytes as printing the whole document: each case below renders a layer
 * on the built-in catalog's defaults (with the printed parts) and the same layer on the same
 * values.yaml read from its text (no printed parts), and compares.
 */
const catalogDefaults = (name: string, version: string) => PackCatalog.builtIn().lookup(name, version)?.defaults as PackDefaults;

/** Every built-in pack version whose defaults have printed parts (the layer type does not change values). */
const PACKS = readdirSync(join(REPO_ROOT, 'packs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(REPO_ROOT, 'packs', d.name)).map((version) => ({ name: d.name, version, layer: LayerType.ADDON })))
  .filter((p) => existsSync(join(REPO_ROOT, 'packs', p.name, p.version, 'values.yaml')) && catalogDefaults(p.name, p.version).printedSubtrees.length > 0);
const textDefaults = (name: string, version: string) => PackDefaults.fromYaml(readFileSync(join(REPO_ROOT, 'packs', name, version, 'values.yaml'), 'utf8'), `packs/${name}/${version}`);

type Op = { kind: 'override'; keys: string[]; value: unknown } | { kind: 'remove'; keys: string[] } | { kind: 'values'; keys: string[]; value: unknown };

/** Renders one layer with the operations on the given defaults; the values text. */
function valuesWith(pack: (typeof PACKS)[number], defaults: PackDefaults, ops: readonly Op[]): string {
  const chart = new Chart(new App(), 'c');
  const layer = new PackLayer(chart, 'layer', { name: pack.name, version: pack.version, layer: pack.layer, defaults });
  for (const op of ops) {
    const path = op.keys.map((k) => k.replace(/\\/g, '\\\\').replace(/\./g, '\\.')).join('.');
    if (op.kind === 'override') layer.addOverride(path, op.value as never);
    else if (op.kind === 'remove') layer.removeValue(path);
    else layer.addValues(op.keys.reduceRight<unknown>((v, k) => ({ [k]: v }), op.value) as never);
  }
  return layer.values;
}

/** Every key path of plain data through maps, to `depth`. */
function keyPaths(v: unknown, depth: number, path: string[] = []): string[][] {
  if (depth === 0 || typeof v !== 'object' || v === null || Array.isArray(v)) return [];
  return Object.entries(v).flatMap(([k, x]) => [[...path, k], ...keyPaths(x, depth - 1, [...path, k])]);
}

describe('printed parts of the built-in pack defaults', () => {
  test('the packs with the largest defaults have them', () => {
    expect(PACKS.map((p) => `${p.name} ${p.version}`)).toEqual(expect.arrayContaining(['cni-cilium-oss 1.17.4', 'kubernetes 1.32.4', 'csi-portworx-generic 3.3.1']));
  });

  test.each(PACKS)('$name $version: the build stored large parts, and the untouched defaults print the same with them', (pack) => {
    const spliced = catalogDefaults(pack.name, pack.version);
    expect(spliced.printedSubtrees.length).toBeGreaterThan(0);
    expect(textDefaults(pack.name, pack.version).printedSubtrees).toEqual([]);
    expect(valuesWith(pack, spliced, [])).toBe(valuesWith(pack, textDefaults(pack.name, pack.version), []));
  });

  test('Cilium: the parts cover most of the 37 KB, so a layer prints little of it', () => {
    const parts = catalogDefaults('cni-cilium-oss', '1.17.4').printedSubtrees;
    const outermost = new RecipePaths().untouched(parts);
    const whole = printDocument(outputDocument(catalogDefaults('cni-cilium-oss', '1.17.4').toDocument())).text;
    expect(outermost.reduce((n, p) => n + p.text.length, 0)).toBeGreaterThan(whole.length * 0.8);
  });

  test.each(PACKS)('$name $version: any overrides, removals and added values print the same bytes as without printed parts', (pack) => {
    const paths = keyPaths(textDefaults(pack.name, pack.version).values, 6);
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant({}), fc.dictionary(fc.string({ minLength: 1 }), fc.string()), fc.array(fc.string()));
    const keys = fc.oneof(fc.constantFrom(...paths), fc.tuple(fc.constantFrom(...paths), fc.string({ minLength: 1 })).map(([p, k]) => [...p, k]));
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('override' as const), keys, value }),
      fc.record({ kind: fc.constant('remove' as const), keys }),
      fc.record({ kind: fc.constant('values' as const), keys, value }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 6 }), (ops) => {
        expect(valuesWith(pack, catalogDefaults(pack.name, pack.version), ops)).toBe(valuesWith(pack, textDefaults(pack.name, pack.version), ops));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe('RecipePaths', () => {
  const part = (...path: string[]) => ({ path, text: 'x: 1\n', vouched: true });
  const parts = [part('a'), part('a', 'b'), part('a', 'c'), part('d')];

  test('keeps the outermost parts the recipe leaves alone', () => {
    expect(new RecipePaths().untouched(parts).map((p) => p.path)).toEqual([['a'], ['d']]);
  });

  test('a value merged inside a part leaves out it and its ancestors, not its siblings', () => {
    const paths = new RecipePaths();
    paths.merge([], { a: { b: { x: 2 } } });
    expect(paths.untouched(parts).map((p) => p.path)).toEqual([['a', 'c'], ['d']]);
  });

  test('a replaced or removed key leaves out every part below it', () => {
    const replaced = new RecipePaths();
    replaced.merge(['a'], 'now a string');
    expect(replaced.untouched(parts).map((p) => p.path)).toEqual([['d']]);
    const removed = new RecipePaths();
    removed.replace(['a', 'b']);
    expect(removed.untouched(parts).map((p) => p.path)).toEqual([['a', 'c'], ['d']]);
  });

  test('merging a map keeps the parts under it that the map does not name', () => {
    const paths = new RecipePaths();
    paths.merge(['a'], { z: 1 });
    expect(paths.untouched(parts).map((p) => p.path)).toEqual([['a', 'b'], ['a', 'c'], ['d']]);
  });

  test('a whole new document (not a map at the top) leaves nothing', () => {
    const paths = new RecipePaths();
    paths.merge([], 'text');
    expect(paths.untouched(parts)).toEqual([]);
  });

  test('a part ending in a kept-newlines text (|+) is not stored: the key after it prints differently once a recipe removes a key between them', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `      key${i}: value number ${i}`).join('\n');
    const doc = outputDocument(parseDocument(`charts:\n  demo:\n    config:\n${keys}\n      script: |+\n        echo hi\n\n\n    replicas: 1\n\n    image: demo\n`));
    const stored = printedSubtreesOf(doc).map((p) => p.path.join('.'));
    expect(stored).toContain('charts.demo');
    expect(stored).not.toContain('charts.demo.config');
  });

  test('printedSubtreesOf stores only parts of the minimum size, outermost first, each splicing back exactly', () => {
    const doc = outputDocument(catalogDefaults('kubernetes', '1.32.4').toDocument());
    const stored = printedSubtreesOf(doc);
    expect(stored.map((p) => p.path.length)).toEqual([...stored.map((p) => p.path.length)].sort((a, b) => a - b));
    expect(stored.every((p) => p.text.length >= 256 && p.text.endsWith('\n'))).toBe(true);
  });
});
