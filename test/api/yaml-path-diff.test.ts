import { parse } from 'yaml';
import { diffData, formatDataPath, formatDataValue } from '../../lib/api/yaml-path-diff';

describe('diffData', () => {
  test('defaults: equal trees have no differences', () => {
    const tree = parse('a:\n  b: [1, {c: x}]\n  d: ~\n');
    expect(diffData(tree, parse('a: {b: [1, {c: x}], d: null}'))).toEqual([]);
  });

  test('custom: reports the deepest changed node, keys only on one side, and extra sequence items', () => {
    const left = parse('pack:\n  spectrocloud.com/install-priority: "10"\n  namespace: a\ncharts:\n  x: [1, 2, 3]\n');
    const right = parse('pack:\n  spectrocloud.com/install-priority: "20"\ncharts:\n  x: [1, 5]\n  y: true\n');
    expect(diffData(left, right)).toEqual([
      { kind: 'changed', path: 'pack["spectrocloud.com/install-priority"]', left: '10', right: '20' },
      { kind: 'only-left', path: 'pack.namespace', left: 'a' },
      { kind: 'changed', path: 'charts.x[1]', left: 2, right: 5 },
      { kind: 'only-left', path: 'charts.x[2]', left: 3 },
      { kind: 'only-right', path: 'charts.y', right: true },
    ]);
  });

  test('custom: a string and a number differ; a map and a scalar differ at the map', () => {
    expect(diffData({ port: '6443' }, { port: 6443 })).toEqual([{ kind: 'changed', path: 'port', left: '6443', right: 6443 }]);
    expect(diffData({ a: { b: 1 } }, { a: 'x' })).toEqual([{ kind: 'changed', path: 'a', left: { b: 1 }, right: 'x' }]);
  });

  test('custom: leavesMatch lets a right-hand leaf stand for any value', () => {
    const masked = (_l: unknown, r: unknown) => r === '***';
    expect(diffData({ a: 's3', b: 1 }, { a: '***', b: 2 }, { leavesMatch: masked })).toEqual([{ kind: 'changed', path: 'b', left: 1, right: 2 }]);
  });

  test('custom: dates compare by time', () => {
    expect(diffData({ t: new Date(0) }, { t: new Date(0) })).toEqual([]);
    expect(diffData({ t: new Date(0) }, { t: new Date(1) })).toHaveLength(1);
  });
});

describe('formatDataPath and formatDataValue', () => {
  test('defaults: identifiers plain, other keys quoted, indexes bracketed, root named', () => {
    expect(formatDataPath(['packs', 'cni-cilium-oss', 'values', 'charts', 0, 'a.b'])).toBe('packs.cni-cilium-oss.values.charts[0]["a.b"]');
    expect(formatDataPath([])).toBe('(root)');
  });

  test('custom: strings quoted, collections compact, long values cut', () => {
    expect(formatDataValue('5')).toBe('"5"');
    expect(formatDataValue(5)).toBe('5');
    expect(formatDataValue(undefined)).toBe('nothing');
    expect(formatDataValue({ a: [1] })).toBe('{"a":[1]}');
    expect(formatDataValue('x'.repeat(500))).toHaveLength(200);
  });
});
