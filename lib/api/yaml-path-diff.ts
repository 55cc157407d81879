import { isRecord } from './json-shape';

/** Where the two sides of a data diff disagree. */
export type DataChangeKind = 'changed' | 'only-left' | 'only-right';

/** One difference at one path; `left`/`right` are absent on the side that lacks the path. */
export interface DataChange {
  readonly kind: DataChangeKind;
  /** `pack["spectrocloud.com/install-priority"]`, `spec.containers[0].image`. */
  readonly path: string;
  readonly left?: unknown;
  readonly right?: unknown;
}

export interface DataDiffOptions {
  /**
   * Extra equality for two leaves that are not strictly equal, e.g. a masked right-hand
   * value that stands for anything. @default none
   */
  readonly leavesMatch?: (left: unknown, right: unknown) => boolean;
}

export type PathSegment = string | number;

/**
 * The differences between two parsed YAML/JSON trees, as paths to the deepest differing
 * node: maps by key (left's key order, then keys only on the right), sequences by index.
 * Pure; used for pack values and manifests so that a change reads as a YAML path instead
 * of a change inside an escaped JSON string.
 */
export function diffData(left: unknown, right: unknown, options: DataDiffOptions = {}): DataChange[] {
  const out: DataChange[] = [];
  walk(left, right, [], options, out);
  return out;
}

function walk(left: unknown, right: unknown, at: PathSegment[], options: DataDiffOptions, out: DataChange[]): void {
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      if (i >= right.length) out.push({ kind: 'only-left', path: formatDataPath([...at, i]), left: left[i] });
      else if (i >= left.length) out.push({ kind: 'only-right', path: formatDataPath([...at, i]), right: right[i] });
      else walk(left[i], right[i], [...at, i], options, out);
    }
    return;
  }
  if (isPlainMap(left) && isPlainMap(right)) {
    for (const key of Object.keys(left)) {
      if (!(key in right)) out.push({ kind: 'only-left', path: formatDataPath([...at, key]), left: left[key] });
      else walk(left[key], right[key], [...at, key], options, out);
    }
    for (const key of Object.keys(right)) {
      if (!(key in left)) out.push({ kind: 'only-right', path: formatDataPath([...at, key]), right: right[key] });
    }
    return;
  }
  if (sameLeaf(left, right) || options.leavesMatch?.(left, right)) return;
  out.push({ kind: 'changed', path: formatDataPath(at), left, right });
}

/** A mapping as `yaml` turns it into JS; dates, buffers and other objects are leaves. */
function isPlainMap(v: unknown): v is Record<string, unknown> {
  if (!isRecord(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function sameLeaf(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (isRecord(a) && isRecord(b)) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** `a.b[0]["c.d"]`: identifier-like keys (dashes allowed) plain, others quoted in brackets. */
export function formatDataPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === '' ? '(root)' : out;
}

const MAX_SHOWN = 200;

/** A value on one line: strings quoted (so `"5"` and `5` differ visibly), collections as compact JSON. */
export function formatDataValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString();
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}
