import { ValidationError } from '../../common/errors';
import { formatIdRanges } from '../../common/id-ranges';

/** The highest CPU id accepted (Linux builds for x86-64 allow up to 8192 CPUs). */
export const MAX_CPU_ID = 8191;

/**
 * A set of CPU cores in the Linux cpuset list format that both systemd (`AllowedCPUs=`)
 * and kubelet (`reservedSystemCPUs`) take: `"0-7"`, `"0,2,4-6"`.
 */
export class CpuSet {
  /** Parses `"0-7"` or `"0,2,4-6"`. */
  public static parse(text: string): CpuSet {
    const ids = new Set<number>();
    const trimmed = String(text).trim();
    const hint = `write core ids and ranges such as '0-7' or '0,2,4-6'`;
    if (!trimmed) throw new ValidationError(`CPU core list '${text}' is empty: ${hint}`);
    for (const part of trimmed.split(',').map((p) => p.trim())) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!m) throw new ValidationError(`CPU core list '${text}' has a malformed entry '${part}': ${hint}`);
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : Number(m[2]);
      for (const id of [lo, hi]) {
        if (id > MAX_CPU_ID) throw new ValidationError(`CPU core ${id} in '${text}' is out of range: core ids run from 0 to ${MAX_CPU_ID}`);
      }
      if (hi < lo) throw new ValidationError(`CPU core range '${part}' in '${text}' runs backwards: write the lower core first (${hi}-${lo})`);
      for (let id = lo; id <= hi; id++) ids.add(id);
    }
    return new CpuSet(ids);
  }

  private readonly ids: ReadonlySet<number>;

  private constructor(ids: Set<number>) {
    this.ids = ids;
  }

  /** The number of cores. */
  public get size(): number {
    return this.ids.size;
  }

  public has(id: number): boolean {
    return this.ids.has(id);
  }

  /** The core ids in ascending order. */
  public toArray(): number[] {
    return [...this.ids].sort((a, b) => a - b);
  }

  /** The compact list form: `"0-7"`, `"0,2,4-6"` (consecutive ids become ranges). */
  public toString(): string {
    return formatIdRanges(this.ids);
  }
}
