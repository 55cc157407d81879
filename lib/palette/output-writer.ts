import { escapeRegExp } from '../common/regexp';
import { randomBytes } from 'crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from 'fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { threadId } from 'worker_threads';
import { ValidationError } from '../common/errors';
import { fileSystemErrorCode, makeFolders, onPath } from '../common/file-system-error';
import { cleanupOnExit } from './exit-cleanup';
import { isProcessAlive, OutputLock, OutputLockOptions } from './output-lock';
import { markerText, OUTPUT_MARKER_FILE, siteFolderState } from './output-marker';

/*
 * The writer. A run holds the output folder's lock from begin() to commit() or abort(), writes
 * every site into its own work folder inside the output folder (`.palette-vmo-run-<pid>-<thread>-<random>/`,
 * which carries a `.gitignore` of `*`, so git never shows it), and swaps all its sites in at
 * commit():
 *
 *   1. the journal (`swap.json`: the sites to move in and to prune) is written and synced;
 *   2. each replaced or pruned site folder is renamed into the work folder's `old/`, each new one
 *      renamed from `staging/` into place: two renames per site, each atomic;
 *   3. the work folder, with the old output, is removed, then the lock.
 *
 * A failure before step 1 leaves the output folder as it was. A failure during step 2 (a rename
 * refused) renames everything back. A run killed during step 2 leaves the journal: the next run
 * into the folder finishes that swap before it starts, so the folder never stays a mix of two
 * runs. A reader that lists the folder during the few milliseconds of step 2 can see some sites
 * new and some old. Work folders of runs that died (any step) are removed by the next run.
 */

const RUN_PREFIX = '.palette-vmo-run-';
const RUN_FOLDER = /^\.palette-vmo-run-(\d+)-(\d+)-[0-9a-f]+$/;
const JOURNAL = 'swap.json';

/** What a run wrote. */
export interface OutputResult {
  /** The output folder, absolute. */
  readonly outdir: string;
  /** The site folders written, in the order added. */
  readonly sites: readonly string[];
  /** Site folders removed because their sources no longer define them. */
  readonly pruned: readonly string[];
  /** Files written, markers included. */
  readonly files: number;
}

export interface OutputRunProps extends OutputLockOptions {
  /**
   * Remove every marked site folder of the output folder that this run does not write. Off,
   * a marked folder is removed only when the file that defined it (recorded in its marker) is
   * gone or was given to this run and no longer defines it.
   * @default false
   */
  readonly pruneAll?: boolean;
  /** Files this run reads sites from, also those that no longer define any. @default none */
  readonly sources?: readonly string[];
}

/** Where one site's files come from, recorded in its marker. */
export interface SiteSource {
  /** The site file or app program that defines the site. @default not recorded */
  readonly source?: string;
}

interface Journal {
  readonly sites: string[];
  readonly prune: string[];
}

/**
 * One writing run into an output folder: `begin`, `addSite` for each site (at once or one at
 * a time as they are rendered), then `commit` to swap them all in, or `abort`. Interrupting
 * the process (SIGINT, SIGTERM) or an error removes the run's work folder.
 */
export class OutputRun {
  /** Takes the output folder's lock (waiting for another run), finishes or removes what dead runs left, and opens a run. */
  public static begin(outdir: string, props: OutputRunProps = {}): OutputRun {
    const abs = resolve(outdir);
    const created = ensureFolder(abs);
    const lock = OutputLock.acquire(abs, props);
    try {
      recoverDeadRuns(abs);
      return new OutputRun(abs, lock, created, props);
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  private readonly work: string;
  private readonly staging: string;
  private readonly old: string;
  private readonly sites: string[] = [];
  private readonly sources = new Set<string>();
  private readonly createdDirs = new Set<string>();
  private files = 0;
  private open = true;
  private readonly unregister: () => void;

  private constructor(
    public readonly outdir: string,
    private readonly lock: OutputLock,
    private readonly createdOutdir: boolean,
    private readonly props: OutputRunProps,
  ) {
    // Unique per process and per thread, so worker threads can write side by side.
    this.work = join(outdir, `${RUN_PREFIX}${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`);
    this.staging = join(this.work, 'staging');
    this.old = join(this.work, 'old');
    for (const s of props.sources ?? []) this.sources.add(resolve(s));
    this.unregister = cleanupOnExit(() => this.abort());
    try {
      onPath(this.work, 'create the temporary folder', () => {
        mkdirSync(this.staging, { recursive: true });
        mkdirSync(this.old);
        writeFileSync(join(this.work, '.gitignore'), '*\n');
      });
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** The site folder names added so far. */
  public get siteNames(): readonly string[] {
    return this.sites;
  }

  /**
   * Writes one site's files into the run's temporary folder, with the ownership marker.
   * Refuses (before writing) a site whose folder exists and was not written by palette-vmo.
   */
  public addSite(site: string, files: ReadonlyMap<string, string>, options: SiteSource = {}): void {
    this.mustBeOpen();
    try {
      this.mustBeNew(site);
      const count = writeStagedSite(this.staging, this.outdir, site, files, options, this.createdDirs);
      this.added(site, count, options);
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /**
   * The folder sites are written into before the swap. Another thread of the same run (a
   * worker rendering some of the sites) writes a site there with `writeStagedSite`, and the
   * run takes it with `adoptSite`.
   */
  public get stagingFolder(): string {
    return this.staging;
  }

  /** Takes a site that `writeStagedSite` wrote into `stagingFolder` (from another thread) into the run. */
  public adoptSite(site: string, fileCount: number, options: SiteSource = {}): void {
    this.mustBeOpen();
    try {
      this.mustBeNew(site);
      if (!exists(join(this.staging, site, OUTPUT_MARKER_FILE))) throw new Error(`site folder '${site}' was not written into this run's temporary folder`);
      this.added(site, fileCount, options);
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  private mustBeNew(site: string): void {
    checkSiteName(site);
    if (this.sites.includes(site)) throw new ValidationError(`site folder '${site}' is written twice in one run: give each site its own name`);
  }

  private added(site: string, fileCount: number, options: SiteSource): void {
    if (options.source !== undefined) this.sources.add(resolve(options.source));
    this.sites.push(site);
    this.files += fileCount;
  }

  /** Swaps every added site in (and prunes), then removes the temporary folder and releases the lock. */
  public commit(): OutputResult {
    this.mustBeOpen();
    try {
      const prune = this.toPrune();
      for (const site of this.sites) refuseForeign(join(this.outdir, site));
      const journal: Journal = { sites: [...this.sites], prune };
      writeJournal(join(this.work, JOURNAL), journal);
      swap(this.outdir, this.work, journal);
      rmSync(join(this.work, JOURNAL), { force: true });
      return { outdir: this.outdir, sites: [...this.sites], pruned: prune, files: this.files };
    } finally {
      this.abort();
    }
  }

  /** Removes the temporary folder (and the old output it holds) and releases the lock; the output folder keeps what it had. */
  public abort(): void {
    if (!this.open) return;
    this.open = false;
    this.unregister();
    try {
      // A journal left here means a swap failed and could not be undone: finish it instead.
      const journal = readJournal(join(this.work, JOURNAL));
      if (journal) finishSwap(this.outdir, this.work, journal);
      rmSync(this.work, { recursive: true, force: true });
    } catch {
      // Left for the next run into this folder, which finishes and removes it.
    }
    this.lock.release();
    if (this.createdOutdir) {
      try {
        rmdirSync(this.outdir); // only when the run left it empty (the lock file is gone by now)
      } catch {
        // not empty: keep it
      }
    }
  }

  /** Marked site folders of the output folder that this run neither writes nor removes: they stay beside its sites. */
  public keptSites(): string[] {
    return this.otherMarkedSites().filter((s) => !this.prunes(s)).map((s) => s.name);
  }

  /** Marked site folders this run does not write whose definition is gone (or every one, with pruneAll). */
  private toPrune(): string[] {
    return this.otherMarkedSites().filter((s) => this.prunes(s)).map((s) => s.name);
  }

  /** The marked site folders of the output folder that this run does not write, with their markers' sources. */
  private otherMarkedSites(): { readonly name: string; readonly source?: string }[] {
    const out: { name: string; source?: string }[] = [];
    for (const name of readdirSync(this.outdir).sort()) {
      if (name.startsWith('.') || this.sites.includes(name)) continue;
      const state = siteFolderState(join(this.outdir, name));
      if (state.kind === 'marked') out.push({ name, ...(state.source !== undefined ? { source: state.source } : {}) });
    }
    return out;
  }

  /** A marked folder this run removes: every one with pruneAll, else one whose site file is gone or is a target of this run. */
  private prunes(site: { readonly source?: string }): boolean {
    if (this.props.pruneAll) return true;
    if (site.source === undefined) return false;
    const source = resolve(this.outdir, site.source);
    return !existsSync(source) || this.sources.has(source);
  }

  private mustBeOpen(): void {
    if (!this.open) throw new Error('this output run is closed: begin a new one');
  }
}

/**
 * Writes one site's folder, its files and the ownership marker, into a run's staging folder
 * (`OutputRun.stagingFolder`); refuses, before writing, a site whose folder in `outdir` exists
 * and was not written by palette-vmo, and file names outside the folder. Returns the number of
 * files written. `createdDirs` remembers the folders made, across the sites of one thread.
 */
export function writeStagedSite(
  staging: string,
  outdir: string,
  site: string,
  files: ReadonlyMap<string, string>,
  options: SiteSource = {},
  createdDirs: Set<string> = new Set(),
): number {
  checkSiteName(site);
  refuseForeign(join(outdir, site));
  const root = join(staging, site);
  const source = options.source !== undefined ? relative(outdir, resolve(options.source)).split(sep).join('/') : undefined;
  let count = 0;
  const write = (rel: string, content: string) => {
    const path = join(root, rel);
    const dir = dirname(path);
    if (!createdDirs.has(dir)) {
      onPath(dir, 'create the folder', () => mkdirSync(dir, { recursive: true }));
      createdDirs.add(dir);
    }
    onPath(path, 'write the file', () => writeFileSync(path, content));
    count++;
  };
  write(OUTPUT_MARKER_FILE, markerText(site, source));
  for (const [rel, content] of files) {
    if (rel === OUTPUT_MARKER_FILE || isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
      throw new ValidationError(`site ${site}: the output file name '${rel}' is not allowed: file names are relative, without '..', and not ${OUTPUT_MARKER_FILE}`);
    }
    write(rel, content);
  }
  return count;
}

/**
 * Writes every site of one run into `outdir` and swaps them in together (see OutputRun).
 *
 * @param sites site folder name -> files relative to that folder
 */
export function writeSitesAtomically(
  outdir: string,
  sites: ReadonlyMap<string, ReadonlyMap<string, string>>,
  props: OutputRunProps & { readonly siteSources?: ReadonlyMap<string, string> } = {},
): OutputResult {
  const run = OutputRun.begin(outdir, props);
  for (const [site, files] of sites) run.addSite(site, files, { source: props.siteSources?.get(site) });
  return run.commit();
}

/** Creates the output folder (and parents); true when it did not exist. */
function ensureFolder(path: string): boolean {
  let existed = false;
  try {
    existed = statSync(path).isDirectory();
    if (!existed) throw new ValidationError(`${path}: is a file, not a folder: choose an output folder (-o) that is a folder or does not exist yet`);
  } catch (e) {
    if (fileSystemErrorCode(e) === undefined) throw e;
    if (fileSystemErrorCode(e) !== 'ENOENT') onPath(path, 'use the output folder', () => {
      throw e;
    });
  }
  if (existed) return false;
  makeFolders(path, 'create the output folder');
  return true;
}

function checkSiteName(site: string): void {
  if (!site || site.startsWith('.') || /[\\/\0]/.test(site)) {
    throw new ValidationError(`'${site}' cannot be a site folder name: use the site's name (letters, digits and dashes)`);
  }
}

function refuseForeign(path: string): void {
  const state = siteFolderState(path);
  if (state.kind === 'foreign') {
    throw new ValidationError(`${path} ${state.why}, so palette-vmo did not write it and will not replace it: move it away, or choose another output folder (-o)`);
  }
}

function writeJournal(path: string, journal: Journal): void {
  onPath(path, 'write the swap journal', () => {
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, JSON.stringify(journal));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}

/** One rename of the swap, and how to undo it. */
interface Move {
  readonly from: string;
  readonly to: string;
}

/** Step 2: out with the old and pruned, in with the new; renames back on failure. */
function swap(outdir: string, work: string, journal: Journal): void {
  const done: Move[] = [];
  const move = (from: string, to: string, doing: string) => {
    onPath(from, doing, () => renameSync(from, to));
    done.push({ from, to });
  };
  try {
    for (const site of journal.prune) move(join(outdir, site), join(work, 'old', site), 'remove the site folder');
    for (const site of journal.sites) {
      const target = join(outdir, site);
      if (siteFolderState(target).kind !== 'absent') move(target, join(work, 'old', site), 'replace the site folder');
      move(join(work, 'staging', site), target, 'move the new site folder into place');
    }
  } catch (e) {
    for (const m of done.reverse()) {
      try {
        renameSync(m.to, m.from);
      } catch {
        // The journal stays: the next run finishes this swap instead.
        throw e;
      }
    }
    rmSync(join(work, JOURNAL), { force: true });
    throw e;
  }
}

/**
 * Runs that died (killed, power lost) left their work folder: finish a swap that has a
 * journal, then remove the folder. Also removes the `.<outdir>.tmp-PID`/`.old-PID` siblings of
 * the writer before this one. Runs only under the lock, so no live run owns these.
 */
function recoverDeadRuns(outdir: string): void {
  for (const name of readdirSync(outdir)) {
    const m = RUN_FOLDER.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && isProcessAlive(pid)) continue; // not ours to judge: its lock was taken from it
    const work = join(outdir, name);
    const journal = readJournal(join(work, JOURNAL));
    if (journal) finishSwap(outdir, work, journal);
    onPath(work, 'remove the temporary folder a stopped run left', () => rmSync(work, { recursive: true, force: true }));
  }
  const parent = dirname(outdir);
  const legacy = new RegExp(`^\\.${escapeRegExp(basename(outdir))}\\.(tmp|old)-(\\d+)$`);
  let siblings: string[] = [];
  try {
    siblings = readdirSync(parent);
  } catch {
    siblings = [];
  }
  for (const name of siblings) {
    const m = legacy.exec(name);
    if (m && !isProcessAlive(Number(m[2]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function readJournal(path: string): Journal | undefined {
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as Partial<Journal>;
    if (Array.isArray(j.sites) && Array.isArray(j.prune)) return { sites: j.sites.map(String), prune: j.prune.map(String) };
  } catch {
    // No journal, or one not completely written: the swap had not started.
  }
  return undefined;
}

/** Rolls an interrupted swap forward: every step is skipped when already done. */
function finishSwap(outdir: string, work: string, journal: Journal): void {
  const old = join(work, 'old');
  for (const site of journal.prune) {
    const target = join(outdir, site);
    if (siteFolderState(target).kind === 'marked' && !exists(join(old, site))) onPath(target, 'finish an interrupted swap', () => renameSync(target, join(old, site)));
  }
  for (const site of journal.sites) {
    const next = join(work, 'staging', site);
    if (!exists(next)) continue; // already moved in
    const target = join(outdir, site);
    const state = siteFolderState(target);
    if (state.kind === 'foreign') continue; // something else appeared there since: leave both
    if (state.kind !== 'absent') onPath(target, 'finish an interrupted swap', () => renameSync(target, join(old, site)));
    onPath(next, 'finish an interrupted swap', () => renameSync(next, target));
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

