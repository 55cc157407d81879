import { isMap, Document, YAMLMap } from 'yaml';
import { ValidationError } from '../common/errors';
import { ProfileVariable, VariableAsText } from './profile-variable';
import { UnquotedReference } from './yaml-format';

/**
 * A node of a pack's values: plain YAML data, where any leaf may be a profile variable
 * (rendered as its `{{.spectro.var.NAME}}` reference).
 */
export type ValueNode =
  | string
  | number
  | boolean
  | null
  | ProfileVariable
  | VariableAsText
  | readonly ValueNode[]
  | { readonly [key: string]: ValueNode | undefined };

/** A values object: the top of a pack's values.yaml. */
export type Values = { readonly [key: string]: ValueNode | undefined };

/**
 * Plain data after variables are replaced by their references: a quoted reference string, or an
 * UnquotedReference for number and boolean variables, so the substituted value keeps its type.
 */
export type PlainValue = string | number | boolean | null | UnquotedReference | PlainValue[] | { [key: string]: PlainValue };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof ProfileVariable) && !(v instanceof VariableAsText) && !(v instanceof UnquotedReference);
}

/**
 * Splits a Palette preset path (`charts.portworx-generic.storageCluster.annotations.portworx\.io/run-on-master`)
 * into keys. A backslash escapes the next character, so `\.` is a literal dot inside a key.
 */
export function splitValuePath(path: string): string[] {
  const keys: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '\\' && i + 1 < path.length) {
      current += path[i + 1];
      i++;
    } else if (ch === '.') {
      keys.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  keys.push(current);
  if (keys.some((k) => k === '')) {
    throw new ValidationError(`value path '${path}' has an empty key: separate keys with single dots and escape literal dots as '\\.'`);
  }
  return keys;
}

/**
 * Replaces every ProfileVariable leaf by its reference string, drops undefined entries,
 * and reports each variable met to `onVariable`.
 */
export function resolveValues(value: ValueNode | undefined, onVariable: (v: ProfileVariable) => void): PlainValue | undefined {
  if (value === undefined) return undefined;
  if (value instanceof ProfileVariable) {
    onVariable(value);
    return value.keepsType ? new UnquotedReference(value.reference) : value.reference;
  }
  if (value instanceof VariableAsText) {
    onVariable(value.variable);
    return value.variable.reference;
  }
  if (Array.isArray(value)) {
    return (value as readonly ValueNode[]).map((v) => resolveValues(v, onVariable) ?? null);
  }
  if (isPlainObject(value)) {
    const out: { [key: string]: PlainValue } = {};
    for (const [k, v] of Object.entries(value)) {
      const r = resolveValues(v as ValueNode | undefined, onVariable);
      if (r !== undefined) out[k] = r;
    }
    return out;
  }
  return value as string | number | boolean | null;
}

/** Deletes the key at `keys` from a YAML document; a path that does not exist is a no-op. */
export function deleteIn(doc: Document, keys: readonly string[]): void {
  const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
  const last = keys[keys.length - 1];
  if (isMap(parent)) parent.delete(last);
}

/**
 * Deep-merges plain data into a YAML document at `keys`: maps merge key by key, anything
 * else (scalars, lists) replaces what was there. Comments on untouched nodes survive.
 */
export function mergeIn(doc: Document, keys: readonly string[], value: PlainValue): void {
  const existing = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
  if (isPlainObject(value) && (isMap(existing) || (keys.length === 0 && existing == null))) {
    if (keys.length === 0 && existing == null) doc.contents = new YAMLMap();
    for (const [k, v] of Object.entries(value)) mergeIn(doc, [...keys, k], v as PlainValue);
    return;
  }
  // setIn cannot walk through a scalar or a list, and the ancestors it creates itself are JS
  // Maps, which the YAML 1.1 schema writes as `!!omap` lists: make every ancestor a plain map first.
  if (keys.length > 1 && !isMap(doc.contents)) doc.contents = new YAMLMap();
  for (let depth = 1; depth < keys.length; depth++) {
    if (!isMap(doc.getIn(keys.slice(0, depth), true))) doc.setIn(keys.slice(0, depth), new YAMLMap());
  }
  // No anchors for an object given twice: the printed text depends on the data alone (the values cache keys on it).
  doc.setIn(keys, doc.createNode(value, { aliasDuplicateObjects: false }));
}
