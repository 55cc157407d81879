#!/usr/bin/env node
/**
 * palette-vmo: synthesize or validate a VMO site from a site YAML file or an app program.
 *
 *   palette-vmo synth <site.yaml|app.ts|app.js> [-o dir]
 *   palette-vmo validate <site.yaml|app.ts|app.js>
 */
import { existsSync } from 'fs';
import { resolve } from 'path';
import { isValidationError } from '../lib/common/errors';
import { formatFindings, isBlocking, SynthError } from '../lib/palette/finding';
import { PaletteApp } from '../lib/palette/palette-app';
import { loadSiteFile } from '../lib/site/site-file';
import { VmoSite } from '../lib/site/vmo-site';

const USAGE = `usage: palette-vmo <command> <site>

commands:
  synth <site> [-o dir]   check the site, then write its profiles and manifests to dir/<site>/ (default dir: dist)
  validate <site>         check the site and print every finding; exit 1 when any is an error

<site> is a site YAML file (.yaml/.yml) or an app program (.ts/.js) that defines sites.
Nothing is written for a site with errors.`;

interface Args {
  command?: string;
  target?: string;
  outdir: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { outdir: 'dist', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '-o' || a === '--outdir') {
      const v = argv[++i];
      if (!v) throw new UsageError(`${a} needs a folder`);
      args.outdir = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
    else if (!args.command) args.command = a;
    else if (!args.target) args.target = a;
    else throw new UsageError(`unexpected argument '${a}'`);
  }
  return args;
}

class UsageError extends Error {}

/** Builds the app(s) a target describes, without writing anything. */
function loadApps(target: string, outdir: string): PaletteApp[] {
  const path = resolve(target);
  if (!existsSync(path)) throw new UsageError(`no such file '${target}'`);
  if (/\.ya?ml$/.test(path)) {
    const app = new PaletteApp({ outdir });
    const props = loadSiteFile(target);
    new VmoSite(app, props.name ?? 'site', props);
    return [app];
  }
  if (!/\.(ts|js)$/.test(path)) throw new UsageError(`'${target}' is neither a site YAML file nor an app program (.ts/.js)`);
  if (path.endsWith('.ts')) registerTypeScript();
  process.env.PALETTE_VMO_DEFER_SYNTH = '1';
  process.env.CDK8S_OUTDIR = outdir;
  try {
    require(path);
  } finally {
    delete process.env.PALETTE_VMO_DEFER_SYNTH;
  }
  if (!PaletteApp.deferred.length) throw new UsageError(`'${target}' defined no PaletteApp that calls synth()`);
  return PaletteApp.deferred.splice(0);
}

function registerTypeScript(): void {
  try {
    // tsx runs app programs written in TypeScript without a separate build step.
    (require('tsx/cjs/api') as { register: () => void }).register();
  } catch {
    // Already running under tsx, or tsx is not installed: require() says which.
  }
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args.help || !args.command) {
    process.stdout.write(USAGE + '\n');
    return args.help ? 0 : 2;
  }
  if (!args.target) throw new UsageError(`'${args.command}' needs a site file or app`);
  if (args.command === 'validate') {
    let blocking = 0;
    let apps: PaletteApp[];
    try {
      apps = loadApps(args.target, args.outdir);
    } catch (e) {
      // A site whose description fails the rules is refused while it is built: its findings are the answer.
      if (!(e instanceof SynthError)) throw e;
      process.stdout.write(`${e.findings.filter(isBlocking).length} error(s)\n${formatFindings(e.findings)}\n`);
      return 1;
    }
    for (const app of apps) {
      for (const site of app.sites) {
        const findings = site.check();
        blocking += findings.filter(isBlocking).length;
        const shown = findings.length ? formatFindings(findings) : 'no findings';
        process.stdout.write(`site ${site.siteName}: ${findings.filter(isBlocking).length} error(s)\n${shown}\n`);
      }
    }
    return blocking ? 1 : 0;
  }
  if (args.command === 'synth') {
    for (const app of loadApps(args.target, args.outdir)) {
      const result = app.synth();
      for (const site of result.sites.keys()) process.stdout.write(`wrote ${resolve(args.outdir, site)}\n`);
    }
    return 0;
  }
  throw new UsageError(`unknown command '${args.command}'`);
}

try {
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
