import { ValidationError } from './errors';
import { formatIdRanges } from './id-ranges';

/** The lowest and highest usable 802.1Q VLAN ids. */
export const MIN_VLAN_ID = 1;
export const MAX_VLAN_ID = 4094;

/**
 * A set of VLAN ids, written the way the VMO pack's vlanFiltering takes it:
 * `"21-100"`, `"1,10,20,21-100"`. Parsing checks every id is 1..4094 (VLAN-001).
 */
export class VlanSet {
  /** Parses `"1,10,20,21-100"`. */
  public static parse(text: string): VlanSet {
    const ids = new Set<number>();
    const trimmed = String(text).trim();
    if (!trimmed) throw new ValidationError(`VLAN list '${text}' is empty: write ids and ranges such as '21-100' or '1,10,20-30'`);
    for (const part of trimmed.split(',').map((p) => p.trim())) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!m) throw new ValidationError(`VLAN list '${text}' has a malformed entry '${part}': write ids and ranges such as '21-100' or '1,10,20-30'`);
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : Number(m[2]);
      for (const id of [lo, hi]) checkId(id, text);
      if (hi < lo) throw new ValidationError(`VLAN range '${part}' in '${text}' runs backwards: write the lower id first (${hi}-${lo})`);
      for (let id = lo; id <= hi; id++) ids.add(id);
    }
    return new VlanSet(ids);
  }

  /** The given ids. */
  public static of(...ids: number[]): VlanSet {
    for (const id of ids) checkId(id, String(id));
    return new VlanSet(new Set(ids));
  }

  public static empty(): VlanSet {
    return new VlanSet(new Set());
  }

  private readonly ids: ReadonlySet<number>;

  private constructor(ids: Set<number>) {
    this.ids = ids;
  }

  public has(id: number): boolean {
    return this.ids.has(id);
  }

  public get size(): number {
    return this.ids.size;
  }

  /** The ids in ascending order. */
  public toArray(): number[] {
    return [...this.ids].sort((a, b) => a - b);
  }

  public union(other: VlanSet): VlanSet {
    return new VlanSet(new Set([...this.ids, ...other.ids]));
  }

  public intersection(other: VlanSet): VlanSet {
    return new VlanSet(new Set([...this.ids].filter((id) => other.has(id))));
  }

  public isSubsetOf(other: VlanSet): boolean {
    return [...this.ids].every((id) => other.has(id));
  }

  /** The compact form: `"1,10,20-30"` (consecutive ids become ranges). */
  public toString(): string {
    return formatIdRanges(this.ids);
  }
}

function checkId(id: number, text: string): void {
  if (!Number.isInteger(id) || id < MIN_VLAN_ID || id > MAX_VLAN_ID) {
    throw new ValidationError(`VLAN id ${id} in '${text}' is out of range: VLAN ids are whole numbers from ${MIN_VLAN_ID} to ${MAX_VLAN_ID}`);
  }
}
