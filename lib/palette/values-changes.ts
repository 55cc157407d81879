import { Document, isMap, isScalar, Node, YAMLMap } from 'yaml';
import { LruCachesByOwner } from './text-memo';
import { isPlainObject, PlainValue } from './values';
import { documentToYaml, OUTPUT_DOCUMENT_OPTIONS, UnquotedReference, UnquotedReferenceAt } from './yaml-format';

/*
 * What a pack's final values change against its catalog defaults, for review: the profile's
 * values string is the whole defaults file (thousands of lines for Cilium), so a reviewer
 * reads `<pack>.changes.yaml` instead. Its format:
 *
 *   # cni-cilium-oss 1.17.4: the values' difference from the pack catalog's defaults.
 *   # changed: keys added or changed, with their new values; removed: default keys left out.
 *   changed:
 *     charts:
 *       cilium:
 *         cni:
 *           exclusive: false # default: true
 *         devices: br0 # added
 *   removed:
 *     - charts.cilium.bpf.hostLegacyRouting
 *
 * - `changed` nests like the values themselves, in the final values' key order. Maps are
 *   compared key by key; any other value (a scalar, a list) that differs is shown whole, with
 *   a trailing comment: `# added`, or `# default: <old value>` (lists and maps as their size).
 * - `removed` lists the paths the defaults have and the final values lack, in Palette's
 *   dotted form (a literal dot in a key escaped as `\.`, as in presets.yaml `remove`).
 * - No changes: `changed: {}` and `removed: []`. Same input, same bytes.
 */

/** One difference between the defaults and the final values. */
export interface ValueChange {
  readonly keys: readonly string[];
  /** Palette's dotted path, `\.` for a dot inside a key. */
  readonly path: string;
  readonly kind: 'added' | 'changed' | 'removed';
  /** The final value (added, changed). */
  readonly value?: PlainValue;
  /** The default value (changed, removed). */
  readonly default?: PlainValue;
}

/** The differences of one pack's values from its defaults. */
export class ValuesChanges {
  constructor(public readonly changes: readonly ValueChange[]) {}

  /** True when the final values equal the defaults. */
  public get isEmpty(): boolean {
    return this.changes.length === 0;
  }

  /** Every added or changed key with its new value, nested like values. */
  public get changed(): { [key: string]: PlainValue } {
    const out: { [key: string]: PlainValue } = {};
    for (const c of this.changes) {
      if (c.kind === 'removed') continue;
      let map = out;
      for (const key of c.keys.slice(0, -1)) {
        const next = map[key];
        map = isPlainObject(next) ? (next as { [key: string]: PlainValue }) : (map[key] = {});
      }
      map[c.keys[c.keys.length - 1]] = c.value ?? null;
    }
    return out;
  }

  /** The paths removed from the defaults. */
  public get removed(): string[] {
    return this.changes.filter((c) => c.kind === 'removed').map((c) => c.path);
  }
}

/**
 * Compares a pack's default values with its final values (plain data; a missing or empty
 * side counts as `{}`).
 */
export function valuesChanges(defaults: unknown, final: unknown): ValuesChanges {
  const changes: ValueChange[] = [];
  compareMaps(asMap(defaults), asMap(final), [], changes);
  return new ValuesChanges(changes);
}

/** What the changes file is about. */
export interface ValuesChangesSubject {
  /** The registered pack name, e.g. `cni-cilium-oss`. */
  readonly pack: string;
  readonly version: string;
  /**
   * The references the values text writes unquoted (`unquotedReferences(values)`), so the
   * changes show them exactly as the values do. @default none: every reference quoted
   */
  readonly unquoted?: readonly UnquotedReferenceAt[];
}

/**
 * Renders the changes as the `<pack>.changes.yaml` document described above. The same changes
 * (most layers of a fleet's sites) are printed once per subject.
 */
export function renderValuesChanges(changes: ValuesChanges, subject: ValuesChangesSubject): string {
  return renderedChanges.getOrSet(changes, JSON.stringify(subject), () => printValuesChanges(changes, subject));
}

const renderedChanges = new LruCachesByOwner<string>(8);

function printValuesChanges(changes: ValuesChanges, subject: ValuesChangesSubject): string {
  const doc = new Document(new YAMLMap(), OUTPUT_DOCUMENT_OPTIONS);
  const changed = new YAMLMap();
  for (const c of changes.changes) {
    if (c.kind !== 'removed') placeChange(doc, changed, { ...c, value: asWritten(c, subject.unquoted ?? []) });
  }
  // On the first key rather than the document, so no blank line follows the header.
  const first = doc.createNode('changed') as Node;
  first.commentBefore =
    ` ${subject.pack} ${subject.version}: the values' difference from the pack catalog's defaults.\n` +
    ' changed: keys added or changed, with their new values; removed: default keys left out.';
  const root = doc.contents as YAMLMap;
  root.add(doc.createPair(first, changed));
  root.set('removed', doc.createNode(changes.removed));
  return documentToYaml(doc);
}

// ---- comparison ----

type PlainMap = { [key: string]: PlainValue };

function asMap(value: unknown): PlainMap {
  return isPlainObject(value) ? (value as PlainMap) : {};
}

function compareMaps(before: PlainMap, after: PlainMap, keys: string[], out: ValueChange[]): void {
  for (const [key, value] of Object.entries(after)) {
    const at = [...keys, key];
    if (!(key in before)) {
      out.push({ keys: at, path: toPath(at), kind: 'added', value });
    } else if (isPlainObject(before[key]) && isPlainObject(value)) {
      compareMaps(before[key] as PlainMap, value as PlainMap, at, out);
    } else if (!sameValue(before[key], value)) {
      out.push({ keys: at, path: toPath(at), kind: 'changed', value, default: before[key] });
    }
  }
  for (const [key, value] of Object.entries(before)) {
    if (!(key in after)) out.push({ keys: [...keys, key], path: toPath([...keys, key]), kind: 'removed', default: value });
  }
}

/** Deep equality of plain data; key order does not matter. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return false;
}

function toPath(keys: readonly string[]): string {
  return keys.map((k) => k.replace(/\\/g, '\\\\').replace(/\./g, '\\.')).join('.');
}

// ---- rendering ----

/** A change's value with each reference the values write unquoted marked so, so it renders unquoted too. */
function asWritten(c: ValueChange, unquoted: readonly UnquotedReferenceAt[]): PlainValue | undefined {
  let value: unknown = c.value;
  for (const ref of unquoted) {
    if (ref.keys.length < c.keys.length || !c.keys.every((k, i) => ref.keys[i] === k)) continue;
    value = replaceAt(value, ref.keys.slice(c.keys.length), new UnquotedReference(ref.reference));
  }
  return value as PlainValue | undefined;
}

/** A copy of `value` with `replacement` at `keys`, where the value there is the reference's text. */
function replaceAt(value: unknown, keys: readonly (string | number)[], replacement: UnquotedReference): unknown {
  if (keys.length === 0) return typeof value === 'string' && value === replacement.reference ? replacement : value;
  const [key, ...rest] = keys;
  if (Array.isArray(value) && typeof key === 'number' && key < value.length) {
    return value.map((v, i) => (i === key ? replaceAt(v, rest, replacement) : v));
  }
  if (isPlainObject(value) && typeof key === 'string' && key in value) return { ...value, [key]: replaceAt(value[key], rest, replacement) };
  return value;
}

/** Sets the change's value at its keys, creating maps on the way, with its comment. */
function placeChange(doc: Document, root: YAMLMap, c: ValueChange): void {
  let map = root;
  for (const key of c.keys.slice(0, -1)) {
    const next: unknown = map.get(key, true);
    if (isMap(next)) {
      map = next;
    } else {
      const created = new YAMLMap();
      map.set(key, created);
      map = created;
    }
  }
  const last = c.keys[c.keys.length - 1];
  const node = doc.createNode(c.value ?? null) as Node;
  const note = c.kind === 'added' ? ' added' : ` default: ${describe(c.default)}`;
  if (isScalar(node)) {
    node.comment = note;
    map.set(last, node);
  } else {
    // A comment after a collection lands below it; on the key it stays on the key's line.
    const key = doc.createNode(last) as Node;
    key.comment = note;
    map.add(doc.createPair(key, node));
  }
}

/** The old value in one short line: scalars as YAML flow text, collections by size. */
function describe(value: PlainValue | undefined): string {
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isPlainObject(value)) {
    const n = Object.keys(value).length;
    return `a map of ${n} key${n === 1 ? '' : 's'}`;
  }
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') {
    if (value.includes('\n')) return `a text of ${value.split('\n').length} lines`;
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}..."` : text;
  }
  return String(value);
}
