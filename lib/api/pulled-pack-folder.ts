import { createHash } from 'crypto';
import { makeFolders } from '../common/file-system-error';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { join } from 'path';
import { isRecord, parseJson } from './json-shape';

/**
 * One `<out>/<pack>/<version>/` folder of the pack catalog. A marker file records the hash of
 * each file pull-packs wrote, so a later pull overwrites its own unedited files and refuses
 * any other file (written by hand, or edited since) unless forced.
 */
export class PulledPackFolder {
  /** The marker file: `{ "<file>": "sha256:<hex>" }`. */
  public static readonly MARKER = '.palette-vmo-pull.json';

  constructor(public readonly dir: string) {}

  /** The files of `files` that exist with other content and were not written by a pull. */
  public foreignFiles(files: ReadonlyMap<string, string>): string[] {
    const written = this.readMarker();
    const out: string[] = [];
    for (const [name, content] of files) {
      const path = join(this.dir, name);
      if (!existsSync(path)) continue;
      const now = readFileSync(path);
      if (now.equals(Buffer.from(content))) continue;
      if (written[name] !== hashOf(now)) out.push(path);
    }
    return out;
  }

  /** Writes the files and records them; returns the names whose content changed. */
  public write(files: ReadonlyMap<string, string>): string[] {
    makeFolders(this.dir);
    const written = this.readMarker();
    const changed: string[] = [];
    for (const [name, content] of files) {
      const path = join(this.dir, name);
      const bytes = Buffer.from(content);
      if (!existsSync(path) || !readFileSync(path).equals(bytes)) {
        writeAtomically(path, bytes);
        changed.push(name);
      }
      written[name] = hashOf(bytes);
    }
    const marker: Record<string, string> = {};
    for (const k of Object.keys(written).sort()) marker[k] = written[k];
    writeAtomically(join(this.dir, PulledPackFolder.MARKER), Buffer.from(JSON.stringify(marker, null, 2) + '\n'));
    return changed;
  }

  private readMarker(): Record<string, string> {
    const path = join(this.dir, PulledPackFolder.MARKER);
    const json = existsSync(path) ? parseJson(readFileSync(path, 'utf8')) : undefined;
    const out: Record<string, string> = {};
    if (isRecord(json)) for (const [k, v] of Object.entries(json)) if (typeof v === 'string') out[k] = v;
    return out;
  }
}

function hashOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A reader never sees half a file: write a sibling, then rename over. */
function writeAtomically(path: string, bytes: Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}
