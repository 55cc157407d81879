import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'fs';
import { hostname } from 'os';
import { join } from 'path';
import { threadId } from 'worker_threads';
import { fileSystemErrorCode, onPath } from '../common/file-system-error';
import { ValidationError } from '../common/errors';

/** The lock file of an output folder; gitignored (`.palette-vmo.lock`). */
export const OUTPUT_LOCK_FILE = '.palette-vmo.lock';

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  readonly pid: number;
  readonly threadId: number;
  readonly host: string;
}

export interface OutputLockOptions {
  /** How long to wait for a run that holds the lock. @default 120000 (two minutes) */
  readonly timeoutMs?: number;
  /** Called once when the lock is held by another run, before waiting. @default nothing */
  readonly onWait?: (owner: string) => void;
}

/** A lock file whose owner cannot be read is taken to be stale after this long. */
const UNREADABLE_STALE_MS = 10_000;
const POLL_MS = 50;

/**
 * One run at a time per output folder: a lock file created exclusively (`O_EXCL`), holding the
 * owner's pid, thread and host. A lock whose process is gone (same host) is stale and taken
 * over, so a killed run never blocks the next one. Two runs that find the same stale lock at
 * the same instant could both take it over; a stale lock only exists after a crash.
 */
export class OutputLock {
  /** Waits (synchronously) until the lock of `outdir` is free, then holds it. */
  public static acquire(outdir: string, options: OutputLockOptions = {}): OutputLock {
    const path = join(outdir, OUTPUT_LOCK_FILE);
    const me: LockOwner = { pid: process.pid, threadId, host: hostname() };
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    let told = false;
    for (;;) {
      if (tryCreate(path, me)) return new OutputLock(path);
      const owner = readOwner(path);
      if (owner === 'gone') continue;
      if (isStale(path, owner)) {
        removeStale(path);
        continue;
      }
      const who = owner === 'unreadable' ? 'another run' : describe(owner);
      if (Date.now() >= deadline) {
        throw new ValidationError(
          `${outdir}: another palette-vmo run (${who}) is writing to this folder and did not finish in time: wait for it, or delete ${path} if no run is active`,
        );
      }
      if (!told) options.onWait?.(who);
      told = true;
      sleep(POLL_MS);
    }
  }

  private released = false;

  private constructor(public readonly path: string) {}

  public release(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function tryCreate(path: string, me: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if (fileSystemErrorCode(e) === 'EEXIST') return false;
    return onPath(path, 'create the lock file', () => {
      throw e;
    });
  }
  try {
    writeSync(fd, JSON.stringify(me) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | 'unreadable' | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fileSystemErrorCode(e) === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.threadId === 'number' && typeof o.host === 'string') return { pid: o.pid, threadId: o.threadId, host: o.host };
  } catch {
    // Being written, or damaged: judged by its age below.
  }
  return 'unreadable';
}

function isStale(path: string, owner: LockOwner | 'unreadable'): boolean {
  if (owner === 'unreadable') {
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return false;
    }
  }
  // Another host's process cannot be seen: only its own run (or a person) removes that lock.
  return owner.host === hostname() && !isProcessAlive(owner.pid);
}

function removeStale(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if (fileSystemErrorCode(e) !== 'ENOENT') onPath(path, 'remove the stale lock file', () => {
      throw e;
    });
  }
}

/** True while a process with this pid exists (EPERM: it exists, owned by another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return fileSystemErrorCode(e) === 'EPERM';
  }
}

function describe(owner: LockOwner): string {
  return `pid ${owner.pid}${owner.threadId ? ` thread ${owner.threadId}` : ''}${owner.host === hostname() ? '' : ` on ${owner.host}`}`;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
