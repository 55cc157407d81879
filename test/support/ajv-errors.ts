import type { ErrorObject } from 'ajv';

/**
 * Turns ajv errors into `path: message` lines a reader can act on, e.g.
 * `spec.template.packs[1].uid: unknown field` or
 * `spec.storage.resources.requests.storage: must be integer or string (got true)`.
 */

/** The segments of a JSON pointer (`/a/0/b~1c` -> `['a', '0', 'b/c']`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(data: unknown, segments: readonly string[]): unknown {
  let cur: unknown = data;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

/** `spec.template.packs[1].layer`; keys that are not identifiers are bracketed: `labels["app.kubernetes.io/name"]`. */
export function formatPath(data: unknown, segments: readonly string[]): string {
  let out = '';
  let cur: unknown = data;
  for (const s of segments) {
    if (Array.isArray(cur) && /^\d+$/.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[s] : undefined;
  }
  return out === '' ? '(root)' : out;
}

/** A short rendering of an offending value. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function typeList(t: unknown): string {
  return (Array.isArray(t) ? t : [t]).join(' or ');
}

/** The annotation our schemas put next to a rule to explain it (see schema/palette-profile-import.schema.json). */
export const MESSAGE_KEYWORD = 'x-message';

/**
 * Formats ajv errors. `if` errors are dropped (their `then` failure is reported on its own);
 * with `verbose: true` ajv gives `parentSchema`, whose `x-message` replaces the generic text.
 */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined, data: unknown): string[] {
  const lines: string[] = [];
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue;
    const segments = pointerSegments(e.instancePath);
    const value = valueAt(data, segments);
    const custom = e.parentSchema && typeof e.parentSchema === 'object' ? (e.parentSchema as Record<string, unknown>)[MESSAGE_KEYWORD] : undefined;
    let path = formatPath(data, segments);
    let message: string;
    if (e.keyword === 'additionalProperties') {
      path = formatPath(data, [...segments, String(e.params.additionalProperty)]);
      message = 'unknown field';
    } else if (e.keyword === 'required') {
      path = formatPath(data, [...segments, String(e.params.missingProperty)]);
      message = 'required field missing';
    } else if (typeof custom === 'string') {
      message = e.keyword === 'not' ? custom : `${custom} (got ${describeValue(value)})`;
    } else if (e.keyword === 'type') {
      message = `must be ${typeList(e.params.type)} (got ${describeValue(value)})`;
    } else if (e.keyword === 'enum') {
      const allowed = (e.params.allowedValues as unknown[]).map((a) => JSON.stringify(a)).join(', ');
      message = `must be one of ${allowed} (got ${describeValue(value)})`;
    } else if (e.keyword === 'const') {
      message = `must be ${JSON.stringify(e.params.allowedValue)} (got ${describeValue(value)})`;
    } else if (e.keyword === 'false schema') {
      message = 'must not be present';
    } else {
      message = `${e.message ?? e.keyword} (got ${describeValue(value)})`;
    }
    const line = `${path}: ${message}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}
