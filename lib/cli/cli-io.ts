/** Where a command reads its environment and writes its output; the tests give their own. */
export interface CliIo {
  /** Writes one line of results to stdout. */
  out(line: string): void;
  /** Writes one line of problems, findings or progress to stderr. */
  err(line: string): void;
  /** Writes text to stdout as it is (no newline added). */
  write(text: string): void;
  /** Rewrites the current stderr line (a terminal's progress line); '' clears it. */
  status(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal, where a progress line may rewrite itself. */
  readonly interactive: boolean;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  // Output piped into a program that stopped reading (`| head`): stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  let statusShown = false;
  const clearStatus = () => {
    if (statusShown) process.stderr.write('\r\x1b[K');
    statusShown = false;
  };
  return {
    out: (line) => {
      clearStatus();
      process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      clearStatus();
      process.stderr.write(`${line}\n`);
    },
    write: (text) => {
      process.stdout.write(text);
    },
    status: (line) => {
      clearStatus();
      if (line) {
        process.stderr.write(line);
        statusShown = true;
      }
    },
    env: process.env,
    interactive: process.stderr.isTTY === true,
  };
}
