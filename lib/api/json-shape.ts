/**
 * Small readers for JSON of unknown shape (response bodies, profile files): each returns
 * the value when it has the expected type, so callers decode without casts.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field as a record, or an empty one. */
export function recordAt(value: unknown, key: string): JsonRecord {
  const v = isRecord(value) ? value[key] : undefined;
  return isRecord(v) ? v : {};
}

/** The field as an array, or an empty one. */
export function arrayAt(value: unknown, key: string): unknown[] {
  const v = isRecord(value) ? value[key] : undefined;
  return Array.isArray(v) ? v : [];
}

/** The field when it is a string. */
export function stringAt(value: unknown, key: string): string | undefined {
  const v = isRecord(value) ? value[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The field when it is a boolean. */
export function booleanAt(value: unknown, key: string): boolean | undefined {
  const v = isRecord(value) ? value[key] : undefined;
  return typeof v === 'boolean' ? v : undefined;
}

/** A map of string values (labels), dropping other entries. */
export function stringMapAt(value: unknown, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(recordAt(value, key))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Parses JSON text; undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
