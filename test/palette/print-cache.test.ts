import { toYaml, toYamlStream, UnquotedReference } from '../../lib/palette/yaml-format';

/*
 * Each distinct object is printed once and found again by its JSON (yaml-format.ts printData):
 * the printed text must depend on the data alone, whatever was printed before it.
 */
describe('printing plain data through the print cache', () => {
  test('an object used twice prints in full both times, the same as two equal objects, in either order', () => {
    const labels = { app: 'vm' };
    const shared = { metadata: { labels }, selector: { matchLabels: labels } };
    const copies = { metadata: { labels: { app: 'vm' } }, selector: { matchLabels: { app: 'vm' } } };
    const first = toYaml(shared);
    expect(first).not.toMatch(/[&*]a\d/);
    expect(toYaml(copies)).toBe(first);
    expect(toYaml({ x: copies, y: 1 })).toBe(toYaml({ x: shared, y: 1 }));
  });

  test('values JSON cannot tell apart print apart: NaN, Infinity and -0 against null and 0; a typed reference against a map', () => {
    expect(toYaml({ num: null })).toBe('num: null\n');
    expect(toYaml({ num: NaN })).toBe('num: .nan\n');
    expect(toYaml({ num: Infinity })).toBe('num: .inf\n');
    expect(toYaml({ num: 0 })).toBe('num: 0\n');
    expect(toYaml({ num: -0 })).toBe('num: -0\n');
    expect(toYaml({ num: { reference: '{{.spectro.var.x}}' } })).toBe("num:\n  reference: '{{.spectro.var.x}}'\n");
    expect(toYaml({ num: new UnquotedReference('{{.spectro.var.x}}') })).toBe('num: {{.spectro.var.x}}\n');
  });

  test('data that is not plain (a Map) is printed as it is, never from another value with the same JSON', () => {
    const a = toYaml({ m: new Map([['first', 1]]) });
    const b = toYaml({ m: new Map([['second', 2]]) });
    expect(a).toContain('first: 1');
    expect(b).toContain('second: 2');
    expect(b).not.toContain('first: 1');
  });

  test('a stream prints each document as toYaml does', () => {
    expect(toYamlStream([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});
