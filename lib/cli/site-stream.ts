import { availableParallelism } from 'os';
import { join, resolve } from 'path';
import { Worker } from 'worker_threads';
import { ValidationError } from '../common/errors';
import { Finding, FindingTexts, isBlocking } from '../palette/finding';
import { OutputResult, OutputRun, writeStagedSite } from '../palette/output-writer';
import { PackCatalog } from '../palette/pack-catalog';
import { duplicateSiteName, PaletteApp } from '../palette/palette-app';
import { keptSiteFindings, ProfileIdentityCheck } from '../palette/site-outcome';
import { CliIo } from './cli-io';
import { failsRun } from './findings-report';
import { runsBundled } from './package-files';
import { Progress } from './progress';
import { CONTROL_LIMIT, CONTROL_SLOTS, CONTROL_STOP_WRITING, ErrorMessage, SiteMessage, WorkerMessage, WorkerTask, takeSite } from './site-worker-protocol';
import { errorMessage } from './site-worker';
import { defineTargets, expandTargets } from './targets';

/**
 * A worker thread pays for loading the library and the targets again, and fills its own caches
 * of what recurs across sites: worth it from this many sites per thread (npm run bench on 2
 * cores: at 100 sites the pool was slower than one thread, at 1,000 it was faster).
 */
const SITES_PER_WORKER = 250;

export interface SiteStreamOptions {
  /** The output folder; sites are written only with `write`. @default 'dist' */
  readonly outdir?: string;
  /** Write the sites (synth) or only check them (validate). */
  readonly write: boolean;
  /** Warnings fail too. @default false */
  readonly strict?: boolean;
  /** Remove every other site folder palette-vmo wrote in the output folder. @default false */
  readonly prune?: boolean;
  /** The user's pack catalog folder. @default none */
  readonly packCatalog?: string;
  /** No progress line. @default false */
  readonly quiet?: boolean;
  /** Threads rendering sites. @default one per core when there are many sites, else 1 (PALETTE_VMO_JOBS overrides) */
  readonly jobs?: number;
  /** Called when another run holds the output folder's lock. @default nothing */
  readonly onWait?: (holder: string) => void;
}

/** What a streaming run checked and wrote. */
export interface SiteStreamResult {
  /** The site files and app programs, after expanding folders. */
  readonly targets: readonly string[];
  /** The site names, in definition order. */
  readonly sites: readonly string[];
  /** Site name -> the file that defines it (absolute). */
  readonly siteSources: ReadonlyMap<string, string>;
  /** Every finding, site by site in site order, then those across sites (PAL-007). */
  readonly findings: readonly Finding[];
  /** True when a finding fails the run (an error; a warning with `strict`): nothing was written. */
  readonly failed: boolean;
  /** What was written, when the run wrote. */
  readonly output?: OutputResult;
  /** Threads that rendered sites. */
  readonly jobs: number;
}

/**
 * Checks (and with `write`, writes) every site of the targets, one site at a time: each site
 * is built, rendered, checked and written into the run's temporary folder, then released, so
 * memory does not grow with the number of sites (sites defined with `app.defineSite`, and the
 * sites of site files). Many sites are shared out to a pool of worker threads, one per core;
 * every thread loads the same targets and takes the next site not yet taken, and the main thread takes
 * the outcomes in site order, so the output is the same whatever the scheduling. One failing
 * finding anywhere and nothing is written; the output folder is swapped only at the end.
 */
export async function streamSites(args: readonly string[], io: CliIo, options: SiteStreamOptions): Promise<SiteStreamResult> {
  const targets = expandTargets(args);
  const outdir = resolve(options.outdir ?? 'dist');
  const packCatalog = options.packCatalog === undefined ? undefined : resolve(options.packCatalog);
  const app = new PaletteApp({ outdir, ...(packCatalog !== undefined ? { packCatalog: PackCatalog.fromDirectory(packCatalog) } : {}) });
  const sources = defineTargets(app, targets);
  const total = app.siteCount;
  const jobs = chooseJobs(total, options.jobs ?? jobsFromEnv(io.env));
  const strict = options.strict ?? false;
  const findings: Finding[] = app.appFindings();
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  Atomics.store(control, CONTROL_LIMIT, total);
  const fail = () => Atomics.store(control, CONTROL_STOP_WRITING, 1);
  if (findings.some((f) => failsRun(f, strict))) fail();

  const run = options.write ? OutputRun.begin(outdir, { sources: targets, pruneAll: options.prune ?? false, ...(options.onWait ? { onWait: options.onWait } : {}) }) : undefined;
  const progress = new Progress(io, options.quiet);
  const ordered = new OrderedOutcomes(total);
  const identity = new ProfileIdentityCheck();
  const texts = new FindingTexts();
  const crossSite: Finding[] = [];
  const names = new Map<string, string>();
  const siteSources = new Map<string, string>();
  const sites: string[] = [];
  let error: ErrorMessage | undefined;
  const workers: Worker[] = [];
  const createdDirs = new Set<string>();

  const stopAt = (index: number) => Atomics.store(control, CONTROL_LIMIT, Math.min(Atomics.load(control, CONTROL_LIMIT), index));

  /** Takes the outcomes that are next in site order. */
  const take = (m: SiteMessage) => {
    const other = names.get(m.name);
    if (other !== undefined) throw duplicateSiteName(other, m.path, m.name);
    names.set(m.name, m.path);
    sites.push(m.name);
    siteSources.set(m.name, sources[m.index]);
    for (const f of m.findings) findings.push(texts.intern(f));
    crossSite.push(...identity.add(m.name, m.profiles));
    if (m.findings.some((f) => failsRun(f, strict)) || crossSite.some(isBlocking)) fail();
    if (run && m.fileCount !== undefined && Atomics.load(control, CONTROL_STOP_WRITING) === 0) run.adoptSite(m.name, m.fileCount, { source: sources[m.index] });
    // Each site as it is taken, in site order; after the last one the run's own summary follows.
    if (m.index + 1 < total) progress.site(m.name, m.index, total);
  };
  const drain = () => {
    for (const m of ordered.next()) {
      if (error) return;
      try {
        if (m.kind === 'error') throw m;
        take(m);
      } catch (e) {
        error = (e as ErrorMessage).kind === 'error' ? (e as ErrorMessage) : errorMessage(m.index, e);
        stopAt(0);
        return;
      }
    }
  };
  /** An outcome from any thread; an error stops the sites after it (those before it still decide which error comes first). */
  const receive = (m: SiteMessage | ErrorMessage) => {
    if (m.kind === 'error') stopAt(Math.max(0, m.index));
    ordered.add(m);
    drain();
  };

  try {
    const task = (worker: number): WorkerTask => ({
      targets: targets.map((t) => resolve(t)),
      ...(packCatalog !== undefined ? { packCatalog } : {}),
      outdir,
      ...(run ? { staging: run.stagingFolder } : {}),
      worker,
      workers: jobs,
      siteCount: total,
      control: control.buffer as SharedArrayBuffer,
    });
    const finished: Promise<void>[] = [];
    for (let w = 1; w < jobs; w++) {
      const worker = startWorker(task(w));
      workers.push(worker);
      finished.push(
        new Promise<void>((done) => {
          let reported = false;
          worker.on('message', (m: WorkerMessage) => {
            if (m.kind !== 'site') reported = true;
            if (m.kind !== 'done') receive(m);
          });
          worker.on('error', (e) => {
            if (!reported) receive(errorMessage(-1, e));
            reported = true;
          });
          worker.on('exit', () => {
            if (!reported) receive({ kind: 'error', index: -1, message: 'a worker thread stopped before it finished its sites', validation: false });
            done();
          });
        }),
      );
    }
    // The main thread renders its own part, taking the workers' outcomes between its sites.
    for (let index = takeSite(control, total); index !== undefined; index = takeSite(control, total)) {
      try {
        const outcome = app.renderSite(index, { files: run !== undefined && Atomics.load(control, CONTROL_STOP_WRITING) === 0 });
        const fileCount = run && outcome.files && Atomics.load(control, CONTROL_STOP_WRITING) === 0
          ? writeStagedSite(run.stagingFolder, outdir, outcome.name, outcome.files, { source: sources[index] }, createdDirs)
          : undefined;
        receive({ kind: 'site', index, name: outcome.name, path: outcome.path, findings: outcome.findings, profiles: outcome.profiles, ...(fileCount !== undefined ? { fileCount } : {}) });
      } catch (e) {
        receive(errorMessage(index, e));
      }
      if (jobs > 1) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(finished);
    drain();
    if (error) throw errorFrom(error);
    // PAL-007 also against the site folders earlier runs left in the output folder beside this run's.
    if (run && !findings.some((f) => failsRun(f, strict)) && !crossSite.some(isBlocking)) crossSite.push(...keptSiteFindings(outdir, run.keptSites(), identity));
    findings.push(...crossSite);
    const failed = findings.some((f) => failsRun(f, strict));
    const output = run && !failed ? run.commit() : undefined;
    return { targets, sites, siteSources, findings, failed, ...(output ? { output } : {}), jobs };
  } finally {
    progress.done();
    await Promise.all(workers.map((w) => w.terminate()));
    run?.abort();
  }
}

/** Threads for `sites` sites: as asked, else one per core when each gets enough sites. */
export function chooseJobs(sites: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(Math.floor(requested), Math.max(1, sites)));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(sites / SITES_PER_WORKER)));
}

function jobsFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const value = env.PALETTE_VMO_JOBS;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ValidationError(`PALETTE_VMO_JOBS is '${value}': give a whole number of threads, 1 or more`);
  return n;
}

/**
 * Starts a worker thread on this code: the bundled command line's own file (build/bin/*.js, whose
 * entry runs the worker in a worker thread: lib/cli/main.ts), else lib/cli/site-worker, compiled
 * or TypeScript through tsx (tests, `npm run palette-vmo`).
 */
function startWorker(task: WorkerTask): Worker {
  const workerData = { paletteVmoSiteWorker: task };
  if (runsBundled()) return new Worker(__filename, { workerData });
  const file = join(__dirname, __filename.endsWith('.js') ? 'site-worker.js' : 'site-worker.ts');
  const register = file.endsWith('.ts') ? "require('tsx/cjs/api').register(); " : '';
  return new Worker(`${register}require(${JSON.stringify(file)}).runSiteWorkerThread();`, { eval: true, workerData });
}

/** A ValidationError (one line) or a bug (with the worker's stack) from an error message. */
function errorFrom(m: ErrorMessage): Error {
  if (m.validation) return new ValidationError(m.message);
  const bug = new Error(m.message);
  if (m.stack) bug.stack = m.stack;
  return bug;
}

/** Outcomes as they arrive, handed out in site order. */
class OrderedOutcomes {
  private readonly waiting = new Map<number, SiteMessage | ErrorMessage>();
  private nextIndex = 0;
  /** An error while loading (index -1) or with no site: it comes first. */
  private early?: ErrorMessage;

  constructor(private readonly total: number) {}

  public add(m: SiteMessage | ErrorMessage): void {
    if (m.kind === 'error' && (m.index < 0 || m.index >= this.total)) this.early ??= m;
    else this.waiting.set(m.index, m);
  }

  public *next(): Generator<SiteMessage | ErrorMessage> {
    if (this.early) {
      yield this.early;
      return;
    }
    for (let m = this.waiting.get(this.nextIndex); m; m = this.waiting.get(this.nextIndex)) {
      this.waiting.delete(this.nextIndex);
      this.nextIndex++;
      yield m;
    }
  }
}

