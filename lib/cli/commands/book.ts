import { writeFileSync } from 'fs';
import { makeFolders, onPath } from '../../common/file-system-error';
import { dirname } from 'path';
import { CommandOutput } from '../../api/commands/command-output';
import { ExitCode, exitCodeFor } from '../../api/exit-code';
import { SITE_BOOK_PATH } from '../../book';
import { ValidationError } from '../../common/errors';
import { formatFindings, SynthError } from '../../palette/finding';
import { PaletteApp } from '../../palette/palette-app';
import { VmoSite } from '../../site/vmo-site';
import { addTarget } from '../load-target';

/** `palette-vmo book <site>...`: what to write the book of, and where. */
export interface BookOptions {
  /** Site files (.yaml) and app programs (.ts/.js) that define the sites. */
  readonly targets: readonly string[];
  /**
   * The site whose book to write, by name.
   * @default the only VMO site the targets define
   */
  readonly site?: string;
  /**
   * Write the book to this file instead of printing it.
   * @default print it to the output
   */
  readonly outFile?: string;
}

/**
 * Prints (or writes) the site book of one site: the same `site-book.md` synth writes into
 * `dist/<site>/`. The site is checked first, as for synth: a site with errors has no book,
 * and its findings go to `err`. Returns the exit code (0, or 1 for a user mistake).
 */
export function book(options: BookOptions, output: CommandOutput): ExitCode {
  try {
    if (!options.targets.length) throw new ValidationError('book needs a site file or app program: palette-vmo book <site.yaml|app.ts> [--site name] [-o file]');
    // Nothing is written to outdir: render() keeps every file in memory.
    const app = new PaletteApp({ outdir: '.' });
    for (const target of options.targets) addTarget(app, target);
    const site = chooseSite(app, options.site);
    let text: string | undefined;
    try {
      text = app.render().sites.get(site.siteName)?.get(SITE_BOOK_PATH);
    } catch (e) {
      if (!(e instanceof SynthError)) throw e;
      const own = e.findings.filter((f) => f.location.startsWith(`site ${site.siteName}:`) || f.level === 'error');
      formatFindings(own).split('\n').forEach(output.err);
      output.err(`no site book: the sites have errors (above); fix them and run book again`);
      return ExitCode.INVALID;
    }
    if (text === undefined) throw new ValidationError(`site '${site.siteName}' wrote no ${SITE_BOOK_PATH}`);
    if (options.outFile === undefined) {
      text.replace(/\n$/, '').split('\n').forEach(output.out);
    } else {
      makeFolders(dirname(options.outFile));
      const outFile = options.outFile;
      onPath(outFile, 'write the site book', () => writeFileSync(outFile, text as string));
      output.out(`wrote ${options.outFile}`);
    }
    return ExitCode.OK;
  } catch (e) {
    const code = exitCodeFor(e);
    if (code === undefined || !(e instanceof Error)) throw e;
    output.err(e.message);
    return code;
  }
}

/** The VMO site named `name`, or the only one. */
function chooseSite(app: PaletteApp, name: string | undefined): VmoSite {
  const sites = app.sites.filter((s): s is VmoSite => s instanceof VmoSite);
  const names = sites.map((s) => s.siteName).join(', ');
  if (name !== undefined) {
    const site = sites.find((s) => s.siteName === name);
    if (!site) throw new ValidationError(`--site '${name}' is not a VMO site of the targets${names ? `: use one of ${names}` : ''}`);
    return site;
  }
  if (sites.length === 1) return sites[0];
  if (!sites.length) throw new ValidationError('the targets define no VMO site: a site book is written for VmoSite sites (site files and apps that use VmoSite)');
  throw new ValidationError(`the targets define ${sites.length} VMO sites (${names}): choose one with --site <name>`);
}
