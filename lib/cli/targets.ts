import { readdirSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { isValidationError, ValidationError } from '../common/errors';
import { onPath } from '../common/file-system-error';
import { PaletteApp } from '../palette/palette-app';
import { addTarget, isTargetFile } from './load-target';

/**
 * The site files and app programs that the arguments name: files as given, folders as their
 * `.yaml`/`.yml`/`.ts`/`.js` files (not `.d.ts`, not in subfolders), sorted by name. A
 * folder with none, or a missing path, is one line naming it.
 */
export function expandTargets(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const stat = onPath(arg, 'read it', () => {
      try {
        return statSync(arg);
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') throw new ValidationError(`${arg}: no such file or folder: give site files (.yaml), app programs (.ts/.js) or folders of them`);
        throw e;
      }
    });
    if (!stat.isDirectory()) {
      out.push(arg);
      continue;
    }
    const files = onPath(arg, 'list the folder', () => readdirSync(arg))
      .filter((f) => isTargetFile(f) && !f.endsWith('.d.ts') && !f.startsWith('.'))
      .sort()
      .map((f) => join(arg, f))
      .filter((f) => statSync(f).isFile());
    if (files.length === 0) throw new ValidationError(`${arg}: the folder holds no site file (.yaml) or app program (.ts/.js)`);
    out.push(...files);
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Adds every target's sites to the app; returns which file defines each site. */
export function addTargets(app: PaletteApp, targets: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const target of targets) {
    const before = new Set(app.sites.map((s) => s.siteName));
    addTarget(app, target);
    for (const site of app.sites) if (!before.has(site.siteName) && !sources.has(site.siteName)) sources.set(site.siteName, resolve(target));
  }
  return sources;
}

/**
 * Adds every target's sites to the app for a streaming run: site files' sites are defined
 * (built when they render). Returns the file that defines each site, by site index (the
 * order sites are defined, which every thread of a run reproduces).
 */
export function defineTargets(app: PaletteApp, targets: readonly string[]): string[] {
  const sources: string[] = [];
  const fileSiteNames = new Set<string>();
  // Every file's mistakes at once: a file that cannot be loaded does not hide the next one's.
  const problems: string[] = [];
  for (const target of targets) {
    try {
      addTarget(app, target, { defer: true, fileSiteNames });
    } catch (e) {
      if (!isValidationError(e)) throw e;
      problems.push(e.message);
    }
    while (sources.length < app.siteCount) sources.push(resolve(target));
  }
  if (problems.length) throw new ValidationError(problems.join('\n'));
  return sources;
}
