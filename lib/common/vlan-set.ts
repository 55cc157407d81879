import { ValidationError } from './errors';

/** The lowest and highest usable 802.1Q VLAN ids. */
export const MIN_VLAN_ID = 1;
export const MAX_VLAN_ID = 4094;

/**
 * The most characters of a VLAN list an error message repeats: a list can be megabytes long
 * (a site file, a fuzzer), and the message must stay one readable line.
 */
const MAX_ECHOED_CHARS = 40;

const LIST_HINT = "write ids and ranges such as '21-100' or '1,10,20-30'";

/** An inclusive range of VLAN ids, `lo <= hi`. */
type IdRange = readonly [lo: number, hi: number];

/**
 * A set of VLAN ids, written the way the VMO pack's vlanFiltering takes it:
 * `"21-100"`, `"1,10,20,21-100"`. Parsing checks every id is 1..4094 (VLAN-001).
 *
 * Kept as sorted, disjoint, non-adjacent ranges rather than one entry per id, so that
 * `"1-4094"` written 200,000 times parses in milliseconds and every operation costs the
 * number of ranges, not ids.
 */
export class VlanSet {
  /** Parses `"1,10,20,21-100"`. */
  public static parse(text: string): VlanSet {
    const written = String(text);
    const trimmed = written.trim();
    if (!trimmed) throw new ValidationError(`VLAN list '${echo(written)}' is empty: ${LIST_HINT}`);
    // Lists are usually written in ascending order: merge as we go, and sort only if needed.
    const ranges: [number, number][] = [];
    let ascending = true;
    for (const raw of trimmed.split(',')) {
      const part = raw.trim();
      const m = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!m) throw new ValidationError(`VLAN list '${echo(written)}' has a malformed entry '${echo(part)}': ${LIST_HINT}`);
      const lo = checkId(m[1], written);
      const hi = m[2] === undefined ? lo : checkId(m[2], written);
      if (hi < lo) throw new ValidationError(`VLAN range '${echo(part)}' in '${echo(written)}' runs backwards: write the lower id first (${hi}-${lo})`);
      const last = ranges[ranges.length - 1];
      if (last === undefined || lo > last[1] + 1) {
        ranges.push([lo, hi]);
      } else if (lo >= last[0]) {
        last[1] = Math.max(last[1], hi);
      } else {
        ascending = false;
        ranges.push([lo, hi]);
      }
    }
    return new VlanSet(ascending ? ranges : normalise(ranges));
  }

  /** The given ids. */
  public static of(...ids: number[]): VlanSet {
    for (const id of ids) {
      if (!isVlanId(id)) throw outOfRange(String(id), String(id));
    }
    return new VlanSet(normalise(ids.map((id): IdRange => [id, id])));
  }

  public static empty(): VlanSet {
    return new VlanSet([]);
  }

  /** Sorted by `lo`; no two ranges overlap or touch, so the form is canonical. */
  private readonly ranges: readonly IdRange[];

  private constructor(ranges: readonly IdRange[]) {
    this.ranges = ranges;
  }

  public has(id: number): boolean {
    // Binary search for the last range starting at or below id.
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [lo, hi] = this.ranges[mid];
      if (id < lo) high = mid - 1;
      else if (id > hi) low = mid + 1;
      else return true;
    }
    return false;
  }

  public get size(): number {
    return this.ranges.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
  }

  /** The ids in ascending order. */
  public toArray(): number[] {
    const out: number[] = [];
    for (const [lo, hi] of this.ranges) for (let id = lo; id <= hi; id++) out.push(id);
    return out;
  }

  public union(other: VlanSet): VlanSet {
    return new VlanSet(normalise([...this.ranges, ...other.ranges]));
  }

  public intersection(other: VlanSet): VlanSet {
    const out: IdRange[] = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const [aLo, aHi] = this.ranges[i];
      const [bLo, bHi] = other.ranges[j];
      const lo = Math.max(aLo, bLo);
      const hi = Math.min(aHi, bHi);
      if (lo <= hi) out.push([lo, hi]);
      if (aHi < bHi) i++;
      else j++;
    }
    return new VlanSet(out);
  }

  public isSubsetOf(other: VlanSet): boolean {
    // Each of our ranges lies inside one of the other's, as the other's ranges never touch.
    let j = 0;
    for (const [lo, hi] of this.ranges) {
      while (j < other.ranges.length && other.ranges[j][1] < lo) j++;
      if (j === other.ranges.length || other.ranges[j][0] > lo || other.ranges[j][1] < hi) return false;
    }
    return true;
  }

  /** The compact form: `"1,10,20-30"` (consecutive ids become ranges). */
  public toString(): string {
    return this.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
  }
}

/** Sorts ranges and merges the ones that overlap or touch (`1-5,6-9` is `1-9`). */
function normalise(ranges: readonly IdRange[]): IdRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

const isVlanId = (id: number): boolean => Number.isInteger(id) && id >= MIN_VLAN_ID && id <= MAX_VLAN_ID;

/** The id written as `digits`, checked to be a VLAN id. */
function checkId(digits: string, text: string): number {
  const id = Number(digits);
  if (!isVlanId(id)) throw outOfRange(digits.length > 10 ? echo(digits, 10) : String(id), text);
  return id;
}

function outOfRange(shown: string, text: string): ValidationError {
  return new ValidationError(`VLAN id ${shown} in '${echo(text)}' is out of range: VLAN ids are whole numbers from ${MIN_VLAN_ID} to ${MAX_VLAN_ID}`);
}

/** `text`, cut to `max` characters with an ellipsis, for error messages. */
function echo(text: string, max = MAX_ECHOED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
