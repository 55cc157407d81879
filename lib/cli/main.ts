import { isMainThread, workerData } from 'worker_threads';
import { processIo } from './cli-io';
import { runCli } from './run-cli';

/**
 * A process entry of the command line (bin/palette-vmo.ts, bin/synth.ts): runs `argv` and sets
 * the exit code; in a site worker thread, which starts on the same file, runs the worker instead
 * (lib/cli/site-stream.ts). A bug is reported with its stack (exit 70).
 */
export function runMain(name: string, argv: readonly string[]): void {
  const run: Promise<number | void> = isSiteWorkerThread() ? import('./site-worker').then((w) => w.runSiteWorkerThread()) : runCli(argv, processIo());
  run.then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (bug: unknown) => {
      // Not a user mistake: show the stack so it can be reported.
      process.stderr.write(`${name}: internal error, please report it:\n${bug instanceof Error ? bug.stack : String(bug)}\n`);
      process.exitCode = 70;
    },
  );
}

/** True in a worker thread that lib/cli/site-stream.ts started to render sites. */
export function isSiteWorkerThread(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && 'paletteVmoSiteWorker' in workerData;
}
