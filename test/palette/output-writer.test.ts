import { ChildProcess, spawn, spawnSync } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import { Worker } from 'worker_threads';
import { isValidationError } from '../../lib/common/errors';
import { OUTPUT_LOCK_FILE } from '../../lib/palette/output-lock';
import { OUTPUT_MARKER_FILE } from '../../lib/palette/output-marker';
import { OutputRun, writeSitesAtomically } from '../../lib/palette/output-writer';
import { tempDirs } from '../helpers';

const ROOT = resolve(__dirname, '..', '..');
const WRITE_SITES = join(ROOT, 'test', 'support', 'write-sites.ts');
/** The writer in a child process of its own (no tsx wrapper process, so a kill reaches the writer itself). */
const WRITER = [process.execPath, '--import', 'tsx', WRITE_SITES] as const;
const tempDir = tempDirs('writer-');

const files = (version: string) => new Map([['version.txt', `${version}\n`], ['profiles/P.json', '{}\n']]);
const sites = (version: string, ...names: string[]) => new Map(names.map((n) => [n, files(version)]));
const version = (outdir: string, site: string) => readFileSync(join(outdir, site, 'version.txt'), 'utf8').trim();
/** Everything in a folder that a run may leave behind: work folders, lock, legacy temp folders. */
const litter = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.palette-vmo-run-') || n === OUTPUT_LOCK_FILE || /\.(tmp|old)-\d+$/.test(n));

/** The one-line ValidationError `fn` throws. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!isValidationError(e)) throw e;
    expect(e.message.split('\n')).toHaveLength(1);
    expect(e.message).not.toMatch(/\n\s+at /);
    return e.message;
  }
  throw new Error('expected a ValidationError');
}

function writeSitesChild(args: string[], options: { uid?: number; gid?: number } = {}) {
  const r = spawnSync(WRITER[0], [...WRITER.slice(1), ...args], { encoding: 'utf8', cwd: ROOT, ...options, env: { ...process.env, HOME: '/tmp' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the output writer', () => {
  test('defaults: each site folder gets the ownership marker, and a second run replaces the first', () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 'a', 'b'));
    const result = writeSitesAtomically(out, sites('2', 'a', 'b'));
    expect(result.sites).toEqual(['a', 'b']);
    expect(readdirSync(out).sort()).toEqual(['a', 'b']);
    expect(readdirSync(join(out, 'a')).sort()).toEqual([OUTPUT_MARKER_FILE, 'profiles', 'version.txt']);
    expect(readFileSync(join(out, 'a', OUTPUT_MARKER_FILE), 'utf8')).toBe(
      '# Written by cdk8s-palette-vmo. This folder is replaced on every synth: do not edit it or add files to it.\nsite: a\n',
    );
    expect([version(out, 'a'), version(out, 'b')]).toEqual(['2', '2']);
  });

  test('fails: a foreign folder with the site\'s name survives, and nothing is written', () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 'a'));
    mkdirSync(join(out, 'lib'));
    writeFileSync(join(out, 'lib', 'important.ts'), 'keep me\n');

    const message = errorOf(() => writeSitesAtomically(out, sites('2', 'a', 'lib')));

    expect(message).toBe(`${join(out, 'lib')} has no ${OUTPUT_MARKER_FILE} marker, so palette-vmo did not write it and will not replace it: move it away, or choose another output folder (-o)`);
    expect(readFileSync(join(out, 'lib', 'important.ts'), 'utf8')).toBe('keep me\n');
    expect(version(out, 'a')).toBe('1');
    expect(litter(out)).toEqual([]);
  });

  test('fails: a file or a symbolic link with the site\'s name is not replaced', () => {
    const out = tempDir();
    writeFileSync(join(out, 'a'), 'a file\n');
    symlinkSync(join(out, 'nowhere'), join(out, 'b'));
    expect(errorOf(() => writeSitesAtomically(out, sites('1', 'a')))).toMatch(/\/a is a file, so palette-vmo did not write it/);
    expect(errorOf(() => writeSitesAtomically(out, sites('1', 'b')))).toMatch(/\/b is a symbolic link, so palette-vmo did not write it/);
    expect(readFileSync(join(out, 'a'), 'utf8')).toBe('a file\n');
    expect(readdirSync(out).sort()).toEqual(['a', 'b']);
  });

  test('a site folder written before markers (only profiles, manifests, variables.yaml, checks.json) is replaced', () => {
    const out = tempDir();
    mkdirSync(join(out, 'a', 'profiles'), { recursive: true });
    writeFileSync(join(out, 'a', 'checks.json'), '{}\n');
    writeSitesAtomically(out, sites('2', 'a'));
    expect(version(out, 'a')).toBe('2');
  });

  test('prunes a marked site whose defining file is gone, or no longer defines it; keeps the others', () => {
    const root = tempDir();
    const out = join(root, 'dist');
    const sources = join(root, 'sites');
    mkdirSync(sources);
    for (const f of ['a.yaml', 'b.yaml', 'c.yaml']) writeFileSync(join(sources, f), '');
    const source = (site: string) => new Map([[site, join(sources, `${site}.yaml`)]]);
    writeSitesAtomically(out, sites('1', 'a'), { siteSources: source('a') });
    writeSitesAtomically(out, sites('1', 'b'), { siteSources: source('b') });
    writeSitesAtomically(out, sites('1', 'c'), { siteSources: source('c') });
    mkdirSync(join(out, 'notes'));
    expect(readFileSync(join(out, 'a', OUTPUT_MARKER_FILE), 'utf8')).toMatch(/^source: \.\.\/sites\/a\.yaml$/m);

    // b.yaml is deleted; c.yaml now defines site c2; a is written by another run and kept.
    spawnSync('rm', [join(sources, 'b.yaml')]);
    const result = writeSitesAtomically(out, sites('2', 'c2'), { siteSources: new Map([['c2', join(sources, 'c.yaml')]]) });

    expect(result.pruned).toEqual(['b', 'c']);
    expect(readdirSync(out).sort()).toEqual(['a', 'c2', 'notes']);
  });

  test('pruneAll removes every marked site this run does not write, and nothing else', () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 'a', 'b'));
    mkdirSync(join(out, 'notes'));
    writeFileSync(join(out, 'README.md'), 'mine\n');
    const result = writeSitesAtomically(out, sites('2', 'b'), { pruneAll: true });
    expect(result.pruned).toEqual(['a']);
    expect(readdirSync(out).sort()).toEqual(['README.md', 'b', 'notes']);
  });

  test('an output folder that is a symbolic link to another filesystem (/dev/shm) is written in place: no cross-device move, no litter', () => {
    const target = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pvmo-writer-'));
    try {
      const out = join(tempDir(), 'dist');
      symlinkSync(target, out);
      writeSitesAtomically(out, sites('1', 'a'));
      writeSitesAtomically(out, sites('2', 'a', 'b'));
      expect(readdirSync(target).sort()).toEqual(['a', 'b']);
      expect([version(out, 'a'), version(out, 'b')]).toEqual(['2', '2']);
      expect(readdirSync(dirname(out))).toEqual(['dist']);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  test('fails: the output folder is a file: one line naming it, nothing left beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'outfile');
    writeFileSync(file, 'x\n');
    expect(errorOf(() => writeSitesAtomically(file, sites('1', 'a')))).toBe(
      `${file}: is a file, not a folder: choose an output folder (-o) that is a folder or does not exist yet`,
    );
    expect(errorOf(() => writeSitesAtomically(join(file, 'dist'), sites('1', 'a')))).toMatch(
      new RegExp(`^${file}/dist: cannot use the output folder: a part of this path is a file, not a folder: .* \\[ENOTDIR\\]$`),
    );
    expect(readdirSync(dir)).toEqual(['outfile']);
  });

  test('fails: a file name too long for the filesystem: one line naming it, the previous output kept, no litter', () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 'a'));
    const long = new Map([['a', new Map([[`profiles/${'x'.repeat(300)}.json`, '{}']])]]);
    expect(errorOf(() => writeSitesAtomically(out, long))).toMatch(/: cannot write the file: a file name is too long for this filesystem: shorten the site name or profileNamePrefix.* \[ENAMETOOLONG\]$/);
    expect(version(out, 'a')).toBe('1');
    expect(readdirSync(out)).toEqual(['a']);
  });

  test('fails: no permission to write the output folder: one line naming the path, the previous output kept, no litter', () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 's000'));
    // Root may write anywhere: run the writer as an unprivileged user then; otherwise drop the write bit.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(out, 0, 0);
    chmodSync(dirname(out), 0o755); // the temporary root is private (0700)
    chmodSync(out, 0o555);
    try {
      const r = writeSitesChild([out, '2', '2'], asRoot ? { uid: 65534, gid: 65534 } : {});
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${out}/\\.palette-vmo\\.lock: cannot create the lock file: permission denied: .* \\[EACCES\\]$`))]);
    } finally {
      chmodSync(out, 0o755);
    }
    expect(version(out, 's000')).toBe('1');
    expect(readdirSync(out)).toEqual(['s000']);
  });

  test('fails: a site folder that cannot be moved stops the swap, which is undone: all sites old, one line, no litter', () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 's000', 's001', 's002'));
    // Moving a folder to another parent needs write access to the folder itself (its '..').
    const asRoot = process.getuid?.() === 0;
    chmodSync(dirname(out), 0o755);
    if (asRoot) spawnSync('chown', ['-R', '65534:65534', out]);
    if (asRoot) chownSync(join(out, 's001'), 0, 0);
    chmodSync(join(out, 's001'), 0o555);
    try {
      const r = writeSitesChild([out, '2', '3'], asRoot ? { uid: 65534, gid: 65534 } : {});
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toEqual([`${join(out, 's001')}: cannot replace the site folder: permission denied: give your user write access to it, or choose another output folder (-o) [EACCES]`]);
    } finally {
      chmodSync(join(out, 's001'), 0o755);
    }
    expect(['s000', 's001', 's002'].map((s) => version(out, s))).toEqual(['1', '1', '1']);
    expect(readdirSync(out).sort()).toEqual(['s000', 's001', 's002']);
  });

  test('a killed synth leaves no temporary folders behind after the next run', async () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 's000', 's001'));
    const child = spawn(WRITER[0], [...WRITER.slice(1), out, '2', '2', '0', 'hang'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await untilReady(child);
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    expect(litter(out).length).toBeGreaterThan(0); // its work folder and its lock
    expect([version(out, 's000'), version(out, 's001')]).toEqual(['1', '1']);

    writeSitesAtomically(out, sites('3', 's000', 's001'));

    expect(readdirSync(out).sort()).toEqual(['s000', 's001']);
    expect([version(out, 's000'), version(out, 's001')]).toEqual(['3', '3']);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s while a run is open removes its temporary folder and lock, and ends the process by that signal', async (signal) => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 's000'));
    const child = spawn(WRITER[0], [...WRITER.slice(1), out, '2', '2', '0', 'hang-async'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await untilReady(child);
    expect(litter(out).length).toBeGreaterThan(0);

    child.kill(signal);
    const [code, by] = await new Promise<[number | null, string | null]>((ok) => child.once('exit', (c, s) => ok([c, s])));

    expect([code, by]).toEqual([null, signal]);
    expect(readdirSync(out)).toEqual(['s000']);
    expect(version(out, 's000')).toBe('1');
  });

  test('a run killed in the middle of its swap is finished by the next run, which then writes its own output', () => {
    const out = tempDir();
    writeSitesAtomically(out, sites('1', 'a', 'b'));
    // The state a kill -9 leaves after a's folder was swapped and before b's: a is new, b old.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    const work = join(out, `.palette-vmo-run-${deadPid}-0-0badc0de`);
    mkdirSync(join(work, 'staging'), { recursive: true });
    mkdirSync(join(work, 'old'));
    const half = new OutputRunProbe(tempDir());
    half.writeSite(join(work, 'staging', 'b'), '2', 'b');
    half.writeSite(join(work, 'old', 'a'), '1', 'a');
    half.writeSite(join(out, 'a-new'), '2', 'a');
    spawnSync('mv', ['-T', join(out, 'a'), join(work, 'old', 'a-moved')]);
    spawnSync('mv', ['-T', join(out, 'a-new'), join(out, 'a')]);
    writeFileSync(join(work, 'swap.json'), JSON.stringify({ sites: ['a', 'b'], prune: [] }));
    writeFileSync(join(out, OUTPUT_LOCK_FILE), JSON.stringify({ pid: deadPid, threadId: 0, host: require('os').hostname() }));
    expect([version(out, 'a'), version(out, 'b')]).toEqual(['2', '1']);

    // The next run only reads: begin() finishes the dead run's swap.
    OutputRun.begin(out).abort();

    expect([version(out, 'a'), version(out, 'b')]).toEqual(['2', '2']);
    expect(readdirSync(out).sort()).toEqual(['a', 'b']);
  });

  test('two concurrent synths into one folder give one run\'s output', async () => {
    const out = tempDir();
    const runs = ['2', '3', '4'].map((v) => spawn(WRITER[0], [...WRITER.slice(1), out, v, '6', '20'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
    const codes = await Promise.all(runs.map((c) => new Promise<number | null>((ok) => c.once('exit', ok))));
    expect(codes).toEqual([0, 0, 0]);
    const versions = new Set(readdirSync(out).map((s) => version(out, s)));
    expect(readdirSync(out)).toHaveLength(6);
    expect(versions.size).toBe(1);
    expect(litter(out)).toEqual([]);
  }, 60_000);

  test('two worker threads of one process write into one folder without clashing', async () => {
    const out = tempDir();
    const code = `
      require('tsx/cjs/api').register();
      const { workerData, parentPort } = require('worker_threads');
      const { writeSitesAtomically } = require(${JSON.stringify(join(ROOT, 'lib', 'palette', 'output-writer.ts'))});
      const files = new Map([['version.txt', workerData.version + '\\n']]);
      writeSitesAtomically(workerData.out, new Map(['a', 'b', 'c'].map((s) => [s, files])));
      parentPort.postMessage('done');`;
    const workers = ['5', '6'].map((v) => new Worker(code, { eval: true, workerData: { out, version: v } }));
    await Promise.all(workers.map((w) => new Promise((ok, ko) => (w.once('message', ok), w.once('error', ko)))));
    const versions = new Set(['a', 'b', 'c'].map((s) => version(out, s)));
    expect(versions.size).toBe(1);
    expect(litter(out)).toEqual([]);
  }, 60_000);

  test('fails: a second run waits for the first, then gives up with one line naming the lock', () => {
    const out = tempDir();
    const first = OutputRun.begin(out);
    try {
      let waited = '';
      const message = errorOf(() => OutputRun.begin(out, { timeoutMs: 200, onWait: (who) => (waited = who) }));
      expect(waited).toMatch(/^pid \d+/);
      expect(message).toMatch(/another palette-vmo run \(pid \d+.*\) is writing to this folder and did not finish in time: wait for it, or delete .*\.palette-vmo\.lock if no run is active$/);
    } finally {
      first.abort();
    }
    expect(existsSync(join(out, OUTPUT_LOCK_FILE))).toBe(false);
  });

  test('the work folder carries a .gitignore, so an interrupted run never shows in git status', () => {
    const out = tempDir();
    const run = OutputRun.begin(out);
    run.addSite('a', files('1'));
    const work = readdirSync(out).find((n) => n.startsWith('.palette-vmo-run-')) as string;
    expect(work).toMatch(new RegExp(`^\\.palette-vmo-run-${process.pid}-0-[0-9a-f]{8}$`));
    expect(readFileSync(join(out, work, '.gitignore'), 'utf8')).toBe('*\n');
    run.abort();
    expect(readdirSync(out)).toEqual([]);
  });
});

/** Writes a site folder with its marker, as a run would have. */
class OutputRunProbe {
  constructor(private readonly scratch: string) {}
  writeSite(dir: string, v: string, site: string): void {
    writeSitesAtomically(this.scratch, sites(v, site));
    spawnSync('mv', ['-T', join(this.scratch, site), dir]);
  }
}

function untilReady(child: ChildProcess): Promise<void> {
  return new Promise((ok, ko) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('ready')) ok();
    });
    child.once('exit', (code) => ko(new Error(`writer exited with ${code} before it was ready`)));
  });
}
