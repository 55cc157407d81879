#!/usr/bin/env node
/**
 * palette-vmo: synthesize or validate VMO sites from site YAML files or app programs.
 *
 *   palette-vmo synth <site.yaml|app.ts|app.js>... [-o dir]
 *   palette-vmo validate <site.yaml|app.ts|app.js>...
 *   palette-vmo deploy <site>... [--validate]   (lib/cli/commands/deploy.ts)
 *   palette-vmo book <site.yaml|app.ts|app.js>... [--site name] [-o file]
 */
import { resolve } from 'path';
import { book } from '../lib/cli/commands/book';
import { runDeployCli } from '../lib/cli/commands/deploy';
import { addTarget } from '../lib/cli/load-target';
import { isValidationError } from '../lib/common/errors';
import { Finding, formatFindings, isBlocking, SynthError } from '../lib/palette/finding';
import { PaletteApp } from '../lib/palette/palette-app';

const USAGE = `usage: palette-vmo <command> <site>... [options]

commands:
  synth <site> [-o dir]      check the sites, then write their profiles and manifests to dir/<site>/ (default dir: dist)
  validate <site>...         check the sites and print every finding; exit 1 when any is an error
  deploy <site>... [--validate]
                             each site's MAAS cluster (deploy/); --validate asks Palette to validate it (deploy --help)
  book <site> [--site name] [-o file]
                             print the site book (site-book.md: IP plan, VLANs, switchports, checklist), or write it to file

<site> is a site YAML file (.yaml/.yml) or an app program (.ts/.js) whose default export adds sites to an app.
Nothing is written unless every site passes.`;

interface Args {
  command?: string;
  targets: string[];
  outdir: string;
  /** -o as given (book writes a file there). */
  outFile?: string;
  site?: string;
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { targets: [], outdir: 'dist', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '-o' || a === '--outdir') {
      const v = argv[++i];
      if (!v) throw new UsageError(`${a} needs a folder`);
      args.outdir = v;
      args.outFile = v;
    } else if (a === '--site') {
      const v = argv[++i];
      if (!v) throw new UsageError(`${a} needs a site name`);
      args.site = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
    else if (!args.command) args.command = a;
    else args.targets.push(a);
  }
  return args;
}

/** Each site's findings: `site <name>: N error(s)`, then the table. */
function printFindings(app: PaletteApp, findings: readonly Finding[], write: (text: string) => void): void {
  for (const site of app.sites) {
    const own = findings.filter((f) => f.location.startsWith(`site ${site.siteName}:`));
    write(`site ${site.siteName}: ${own.filter(isBlocking).length} error(s)\n${own.length ? formatFindings(own) : 'no findings'}\n`);
  }
  const other = findings.filter((f) => !app.sites.some((s) => f.location.startsWith(`site ${s.siteName}:`)));
  if (other.length) write(`${formatFindings(other)}\n`);
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args.help || !args.command) {
    process.stdout.write(USAGE + '\n');
    return args.help ? 0 : 2;
  }
  if (!['synth', 'validate', 'book'].includes(args.command)) throw new UsageError(`unknown command '${args.command}'`);
  if (!args.targets.length) throw new UsageError(`'${args.command}' needs a site file or app`);
  if (args.command === 'book') {
    const line = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(`${text}\n`);
    return book({ targets: args.targets, site: args.site, outFile: args.outFile }, { out: line(process.stdout), err: line(process.stderr) });
  }
  const app = new PaletteApp({ outdir: args.outdir });
  for (const target of args.targets) addTarget(app, target);
  try {
    if (args.command === 'validate') {
      printFindings(app, app.render().findings, (t) => process.stdout.write(t));
      return 0;
    }
    const result = app.synth();
    for (const site of result.sites.keys()) process.stdout.write(`wrote ${resolve(args.outdir, site)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    const out = args.command === 'validate' ? (t: string) => process.stdout.write(t) : (t: string) => process.stderr.write(t);
    printFindings(app, e.findings, out);
    if (args.command === 'synth') out('nothing was written\n');
    return 1;
  }
}

if (process.argv[2] === 'deploy') {
  const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
  void runDeployCli(process.argv.slice(3), process.env, io).then((code) => (process.exitCode = code));
} else try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`palette-vmo: ${e.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (isValidationError(e)) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
