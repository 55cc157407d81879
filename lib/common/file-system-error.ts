import { mkdirSync, statSync } from 'fs';
import { dirname, resolve } from 'path';
import { ValidationError } from './errors';

/** What each filesystem error code means for the person running the command, and the fix. */
const MEANINGS: Record<string, string> = {
  EACCES: 'permission denied: give your user write access to it, or choose another output folder (-o)',
  EPERM: 'the operation is not permitted here: give your user write access to it, or choose another output folder (-o)',
  EROFS: 'the filesystem is read-only: choose an output folder on a writable filesystem (-o)',
  ENOSPC: 'no space left on the device: free some space and run again (the previous output is unchanged)',
  EDQUOT: 'the disk quota is used up: free some space and run again (the previous output is unchanged)',
  ENAMETOOLONG: 'a file name is too long for this filesystem: shorten the site name or profileNamePrefix, or use a shorter output path',
  ENOTDIR: 'a part of this path is a file, not a folder: choose an output folder whose parents are folders (-o)',
  EEXIST: 'a file is in the way: choose an output folder that is a folder, not a file (-o)',
  EISDIR: 'a folder is where a file should be: move the folder away',
  EXDEV: 'it is on another filesystem than the output folder, and a move across filesystems is not atomic: keep the output folder and its site folders on one filesystem',
  EMFILE: 'too many open files: raise the open-file limit (ulimit -n) and run again',
  ENFILE: 'too many open files on the system: close some programs and run again',
  EBUSY: 'it is in use (a mount point or an open program): close what uses it, or choose another output folder (-o)',
  ENOTEMPTY: 'a folder is in the way and is not empty: move it away',
  EIO: 'the device reported an input/output error: check the disk',
  ELOOP: 'too many symbolic links: resolve the link loop in the path',
};

/** The `code` of a Node filesystem error, or undefined for anything else. */
export function fileSystemErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * Turns a filesystem error into one line naming the path, what went wrong and the fix, as a
 * ValidationError (a problem of the machine or of the chosen paths, not a bug): never a stack.
 * Anything that is not a filesystem error is returned unchanged.
 */
export function fileSystemError(err: unknown, path: string, doing: string): unknown {
  const code = fileSystemErrorCode(err);
  if (code === undefined) return err;
  const meaning = MEANINGS[code] ?? `the filesystem refused it (${(err as Error).message.replace(/\s+/g, ' ')})`;
  return new ValidationError(`${path}: cannot ${doing}: ${meaning} [${code}]`);
}

/** Runs a filesystem operation; a filesystem error becomes one line naming `path` (see fileSystemError). */
export function onPath<T>(path: string, doing: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    throw fileSystemError(e, path, doing);
  }
}

/**
 * Creates a folder and its missing parents, one level at a time, each failure one line naming
 * the path (see onPath). Not `mkdirSync(path, { recursive: true })`: on Node 20 that never
 * returns for a path under a pseudo-filesystem that refuses new entries (`/proc/x`).
 */
export function makeFolders(path: string, doing = 'create the folder'): void {
  const missing: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      statSync(p);
      break;
    } catch (e) {
      if (fileSystemErrorCode(e) !== 'ENOENT') break; // mkdir below reports it
    }
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const dir of missing.reverse()) {
    onPath(dir, doing, () => {
      try {
        mkdirSync(dir);
      } catch (e) {
        if (fileSystemErrorCode(e) !== 'EEXIST') throw e;
      }
    });
  }
}
