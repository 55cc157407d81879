import { resolve } from 'path';
import { Finding, SynthError } from '../palette/finding';
import { PackCatalog } from '../palette/pack-catalog';
import { PaletteApp, RenderResult } from '../palette/palette-app';
import { CliIo } from './cli-io';
import { Progress } from './progress';
import { addTargets, expandTargets } from './targets';

/** The sites of the command line's targets, checked and rendered in memory. */
export interface RenderedTargets {
  readonly app: PaletteApp;
  /** The site files and app programs, after expanding folders. */
  readonly targets: readonly string[];
  /** Site name -> the file that defines it (absolute). */
  readonly siteSources: ReadonlyMap<string, string>;
  /** Every finding of every site. */
  readonly findings: readonly Finding[];
  /** The rendered sites; undefined when a finding blocks (an error). */
  readonly result?: RenderResult;
}

/** Loads every target into one app and renders it (all sites checked before anything is written). */
export function renderTargets(args: readonly string[], io: CliIo, options: { outdir?: string; quiet?: boolean; packCatalog?: string } = {}): RenderedTargets {
  const targets = expandTargets(args);
  const packCatalog = options.packCatalog === undefined ? undefined : PackCatalog.fromDirectory(resolve(options.packCatalog));
  const app = new PaletteApp({ outdir: options.outdir ?? 'dist', ...(packCatalog ? { packCatalog } : {}) });
  const siteSources = addTargets(app, targets);
  const progress = new Progress(io, options.quiet);
  try {
    const result = app.render({ onSite: (site, i, n) => progress.site(site, i, n) });
    return { app, targets, siteSources, findings: result.findings, result };
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    return { app, targets, siteSources, findings: e.findings };
  } finally {
    progress.done();
  }
}

/** The site names of a run, in the order they were defined. */
export function siteNames(run: RenderedTargets): string[] {
  return run.app.sites.map((s) => s.siteName);
}
