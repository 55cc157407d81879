import { CliIo } from './cli-io';

/**
 * A progress line for long runs: nothing for the first second, then, on a terminal, one line
 * rewritten at most ten times a second, and elsewhere (CI logs) one line every five seconds.
 */
export class Progress {
  private readonly started = Date.now();
  private lastShown = 0;
  private shown = false;

  constructor(private readonly io: CliIo, private readonly quiet = false) {}

  public site(name: string, index: number, total: number): void {
    if (this.quiet) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.lastShown < (this.io.interactive ? 100 : 5000)) return;
    this.lastShown = now;
    const line = `palette-vmo: checking site ${index + 1} of ${total} (${name}), ${Math.round((now - this.started) / 1000)} s`;
    if (this.io.interactive) {
      this.io.status(line);
      this.shown = true;
    } else {
      this.io.err(line);
    }
  }

  public done(): void {
    if (this.shown) this.io.status('');
    this.shown = false;
  }
}
