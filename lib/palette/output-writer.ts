import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';

/**
 * Writes a tree of files so that a reader never sees a half-written output: everything
 * goes to a temporary sibling folder first, then each site folder is swapped in with
 * renames. A failure before the swap leaves the previous output untouched.
 *
 * @param outdir the output folder, e.g. `dist`
 * @param sites site folder name -> files relative to that folder
 * @param replaceAll remove site folders of `outdir` that are not in `sites`
 */
export function writeSitesAtomically(outdir: string, sites: Map<string, Map<string, string>>, replaceAll = false): void {
  const parent = dirname(outdir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(outdir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(outdir)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  try {
    for (const [site, files] of sites) {
      for (const [rel, content] of files) {
        const path = join(tmp, site, rel);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (replaceAll) {
    if (existsSync(outdir)) renameSync(outdir, old);
    mkdirSync(tmp, { recursive: true });
    renameSync(tmp, outdir);
  } else {
    mkdirSync(outdir, { recursive: true });
    mkdirSync(old, { recursive: true });
    for (const site of sites.keys()) {
      const target = join(outdir, site);
      if (existsSync(target)) renameSync(target, join(old, site));
      renameSync(join(tmp, site), target);
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}
