import { isMainThread, parentPort, workerData } from 'worker_threads';
import { isValidationError } from '../common/errors';
import { writeStagedSite } from '../palette/output-writer';
import { PackCatalog } from '../palette/pack-catalog';
import { PaletteApp } from '../palette/palette-app';
import { CONTROL_STOP_WRITING, ErrorMessage, takeSite, WorkerMessage, WorkerTask } from './site-worker-protocol';
import { defineTargets } from './targets';

/**
 * A worker thread of a streaming run (lib/cli/site-stream.ts): loads the targets as the main
 * thread did, renders and checks its part of the sites, writes each passing site into the
 * run's staging folder unless a site failed somewhere, and reports each site to the main thread.
 */
export function runWorker(task: WorkerTask, post: (message: WorkerMessage) => void): void {
  const control = new Int32Array(task.control);
  let index = -1;
  try {
    const app = new PaletteApp({ outdir: task.outdir, ...(task.packCatalog !== undefined ? { packCatalog: PackCatalog.fromDirectory(task.packCatalog) } : {}) });
    const sources = defineTargets(app, task.targets);
    if (app.siteCount !== task.siteCount) {
      throw new Error(
        `the targets define ${app.siteCount} site(s) in a worker thread and ${task.siteCount} in the main thread: an app program must define the same sites every time it runs`,
      );
    }
    const createdDirs = new Set<string>();
    for (let next = takeSite(control, app.siteCount); next !== undefined; next = takeSite(control, app.siteCount)) {
      index = next;
      const write = task.staging !== undefined && Atomics.load(control, CONTROL_STOP_WRITING) === 0;
      const outcome = app.renderSite(index, { files: write });
      const fileCount = outcome.files && task.staging !== undefined && Atomics.load(control, CONTROL_STOP_WRITING) === 0
        ? writeStagedSite(task.staging, task.outdir, outcome.name, outcome.files, { source: sources[index] }, createdDirs)
        : undefined;
      post({ kind: 'site', index, name: outcome.name, path: outcome.path, findings: outcome.findings, profiles: outcome.profiles, ...(fileCount !== undefined ? { fileCount } : {}) });
    }
    post({ kind: 'done' });
  } catch (e) {
    post(errorMessage(index, e));
  }
}

/** An error as a message: a user mistake's one line, or a bug's stack. */
export function errorMessage(index: number, e: unknown): ErrorMessage {
  const validation = isValidationError(e);
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'error', index, message, validation, ...(!validation && e instanceof Error && e.stack ? { stack: e.stack } : {}) };
}

/** Runs this worker thread's part of the run: the task lib/cli/site-stream.ts started it with (see lib/cli/main.ts). */
export function runSiteWorkerThread(): void {
  const port = parentPort;
  if (isMainThread || !port) throw new Error('runSiteWorkerThread runs in a site worker thread only');
  runWorker((workerData as { paletteVmoSiteWorker: WorkerTask }).paletteVmoSiteWorker, (m) => port.postMessage(m));
}
