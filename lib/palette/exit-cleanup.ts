import { isMainThread } from 'worker_threads';

/**
 * Cleanups that must run when the process is interrupted (SIGINT, SIGTERM, SIGHUP) or exits
 * while an output run is open, so that no temporary folder outlives it.
 *
 * Signals reach JavaScript only between synchronous stretches: a signal that arrives while a
 * synchronous run writes is handled right after it (the run has then committed or cleaned up
 * itself), and the process still ends by that signal. A signal in an asynchronous run (a
 * streaming writer) runs the cleanups, then ends the process by the same signal, unless the
 * program has signal listeners of its own, which then decide. Worker threads get no signals:
 * their runs are cleaned up by the next run into the same folder.
 */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const cleanups = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the next run into the same folder removes what is left.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  const ours = process.listeners(signal).filter((l) => l === onSignal).length;
  if (process.listenerCount(signal) > ours) return; // the program handles this signal itself
  uninstall();
  process.kill(process.pid, signal);
}

function onExit(): void {
  runAll();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', onExit);
  if (isMainThread) for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.removeListener('exit', onExit);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/**
 * Runs `cleanup` if the process is interrupted or exits before the returned function is
 * called; calling it unregisters the cleanup without running it.
 */
export function cleanupOnExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  install();
  return () => {
    cleanups.delete(cleanup);
    // A signal caught while a synchronous run held the thread is delivered on the next turn
    // of the event loop, before setImmediate callbacks: keep listening until then.
    if (cleanups.size === 0) {
      setImmediate(() => {
        if (cleanups.size === 0) uninstall();
      });
    }
  };
}
