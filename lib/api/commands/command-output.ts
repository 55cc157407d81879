/** Writes one line (without its newline). */
export type WriteLine = (line: string) => void;

/** Where a command writes: results to `out`, problems to `err`, one line each. */
export interface CommandOutput {
  readonly out: WriteLine;
  readonly err: WriteLine;
}
