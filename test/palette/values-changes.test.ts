import { parse } from 'yaml';
import { PackCatalog, renderValuesChanges, strictYamlProblems, valuesChanges } from '../../lib/palette';

const SUBJECT = { pack: 'cni-cilium-oss', version: '1.17.4' };

describe('valuesChanges', () => {
  test('defaults', () => {
    const changes = valuesChanges({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } });
    expect(changes.isEmpty).toBe(true);
    expect(changes.changed).toEqual({});
    expect(changes.removed).toEqual([]);
    expect(renderValuesChanges(changes, SUBJECT)).toBe(
      [
        "# cni-cilium-oss 1.17.4: the values' difference from the pack catalog's defaults.",
        '# changed: keys added or changed, with their new values; removed: default keys left out.',
        'changed: {}',
        'removed: []',
        '',
      ].join('\n'),
    );
  });

  test('custom added, changed and removed keys, nested', () => {
    const defaults = { pack: { namespace: 'kube-system' }, charts: { cilium: { cni: { exclusive: true }, devices: 'eth0', operator: { replicas: 2 } } } };
    const final = { pack: { namespace: 'kube-system' }, charts: { cilium: { cni: { exclusive: false, binPath: '/opt/cni/bin' }, operator: { replicas: 2 }, envoy: { enabled: false } } } };
    const changes = valuesChanges(defaults, final);
    expect(changes.changes).toEqual([
      { keys: ['charts', 'cilium', 'cni', 'exclusive'], path: 'charts.cilium.cni.exclusive', kind: 'changed', value: false, default: true },
      { keys: ['charts', 'cilium', 'cni', 'binPath'], path: 'charts.cilium.cni.binPath', kind: 'added', value: '/opt/cni/bin' },
      { keys: ['charts', 'cilium', 'envoy'], path: 'charts.cilium.envoy', kind: 'added', value: { enabled: false } },
      { keys: ['charts', 'cilium', 'devices'], path: 'charts.cilium.devices', kind: 'removed', default: 'eth0' },
    ]);
    expect(changes.changed).toEqual({ charts: { cilium: { cni: { exclusive: false, binPath: '/opt/cni/bin' }, envoy: { enabled: false } } } });
    expect(changes.removed).toEqual(['charts.cilium.devices']);
    expect(renderValuesChanges(changes, SUBJECT)).toBe(
      [
        "# cni-cilium-oss 1.17.4: the values' difference from the pack catalog's defaults.",
        '# changed: keys added or changed, with their new values; removed: default keys left out.',
        'changed:',
        '  charts:',
        '    cilium:',
        '      cni:',
        '        exclusive: false # default: true',
        '        binPath: /opt/cni/bin # added',
        '      envoy: # added',
        '        enabled: false',
        'removed:',
        '  - charts.cilium.devices',
        '',
      ].join('\n'),
    );
  });

  test('custom lists: a changed list is shown whole', () => {
    const defaults = { images: ['a', 'b', 'c'], pools: [{ name: 'p', addresses: ['10.0.0.0/24'] }], same: [1] };
    const final = { images: ['a', 'b', 'd'], pools: [{ name: 'p', addresses: ['10.0.1.0/24'] }], same: [1] };
    const changes = valuesChanges(defaults, final);
    expect(changes.changed).toEqual({ images: ['a', 'b', 'd'], pools: [{ name: 'p', addresses: ['10.0.1.0/24'] }] });
    expect(renderValuesChanges(changes, SUBJECT).split('\n').slice(2)).toEqual([
      'changed:',
      '  images: # default: a list of 3 items',
      '    - a',
      '    - b',
      '    - d',
      '  pools: # default: a list of 1 item',
      '    - name: p',
      '      addresses:',
      '        - 10.0.1.0/24',
      'removed: []',
      '',
    ]);
  });

  test('custom type changes, null, escaped dots and values that need quoting', () => {
    const defaults = { a: { b: 1 }, c: null, 'portworx.io/misc-args': 'x', s: 'multi\nline', on: 'x', v: 'plain' };
    const final = { a: 'now text', c: { d: true }, s: 'yes', on: 'y', v: '{{.spectro.var.v}}' };
    const changes = valuesChanges(defaults, final);
    expect(changes.removed).toEqual(['portworx\\.io/misc-args']);
    const text = renderValuesChanges(changes, SUBJECT);
    expect(text.split('\n').slice(2)).toEqual([
      'changed:',
      '  a: now text # default: a map of 1 key',
      '  c: # default: null',
      '    d: true',
      '  s: "yes" # default: a text of 2 lines',
      '  "on": "y" # default: "x"',
      "  v: '{{.spectro.var.v}}' # default: \"plain\"",
      'removed:',
      '  - portworx\\.io/misc-args',
      '',
    ]);
    // Reads back as the changes, the same in YAML 1.1 and 1.2.
    expect(strictYamlProblems(text)).toEqual([]);
    expect(parse(text, { version: '1.1' })).toEqual({ changed: changes.changed, removed: changes.removed });
  });

  test('custom empty or missing sides count as {}', () => {
    expect(valuesChanges(undefined, { a: 1 }).changed).toEqual({ a: 1 });
    expect(valuesChanges({ a: 1 }, null).removed).toEqual(['a']);
    expect(valuesChanges({ a: { b: 1, c: 2 } }, { a: { c: 2, b: 1 } }).isEmpty).toBe(true);
  });

  test('determinism: same input, same bytes; catalog defaults against themselves are empty', () => {
    const cilium = PackCatalog.builtIn().require('cni-cilium-oss', '1.17.4').defaults;
    expect(valuesChanges(cilium.toValues(), cilium.toValues()).isEmpty).toBe(true);
    const final = cilium.toValues() as { charts: { cilium: Record<string, unknown> } };
    final.charts.cilium.devices = 'br0';
    final.charts.cilium.cni = { exclusive: false };
    delete final.charts.cilium.envoy;
    const once = renderValuesChanges(valuesChanges(cilium.toValues(), final), SUBJECT);
    const twice = renderValuesChanges(valuesChanges(cilium.toValues(), final), SUBJECT);
    expect(once).toBe(twice);
    expect(once).toContain('    cilium:\n      cni:\n');
    expect(once).toContain('      devices: br0 # added\n');
    expect(once).toContain('removed:\n  - charts.cilium.cni.');
    expect(once).toContain('  - charts.cilium.envoy\n');
  });
});
