import { cpSync } from 'fs';
import { join, relative, resolve } from 'path';
import { onPath } from '../../common/file-system-error';
import { CliCommand, flag, JOBS_OPTION, jobsOption, PACK_CATALOG_OPTION, stringOption, UsageError } from '../cli-command';
import { CliIo } from '../cli-io';
import { CliExit } from '../exit-codes';
import type { SiteStreamResult } from '../site-stream';

/**
 * `palette-vmo synth`: checks every site of every target, and only when none fails writes
 * them all into the output folder together (lib/palette/output-writer.ts). Sites stream
 * through one at a time (lib/cli/site-stream.ts), on a pool of threads when there are many.
 */
export const SYNTH_COMMAND: CliCommand = {
  name: 'synth',
  usage: '<site|app|folder>... [-o dir] [--prune] [--strict] [--json] [-j n]',
  summary: 'check the sites, then write their profiles, manifests and review files to <dir>/<site>/ (all sites or none)',
  details: [
    'A folder stands for its site files (.yaml/.yml) and app programs (.ts/.js). Nothing is written unless every',
    'site passes. A site folder is replaced only when palette-vmo wrote it (it holds a .palette-vmo-site marker);',
    'a marked folder whose site file is gone, or no longer defines it, is removed. When run by `cdk8s synth`',
    '(CDK8S_OUTDIR set), the written files are also copied there for cdk8s to list or print. Sites are checked',
    'and written one at a time (app programs: define fleets with app.defineSite), on one thread per core when',
    'there are many.',
  ].join('\n'),
  options: [
    { name: 'outdir', short: 'o', type: 'string', value: 'dir', description: 'the output folder (default: dist)' },
    { name: 'prune', type: 'boolean', description: 'also remove every other site folder palette-vmo wrote in <dir>: the targets are all the sites' },
    { name: 'strict', type: 'boolean', description: 'warnings fail too: nothing is written, exit 1' },
    { name: 'json', type: 'boolean', description: 'print the findings and what was written as JSON on stdout' },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'print no warnings and no progress' },
    PACK_CATALOG_OPTION,
    JOBS_OPTION,
  ],
  async run(args, io) {
    const outdir = stringOption(args, 'outdir') ?? 'dist';
    const strict = flag(args, 'strict');
    const json = flag(args, 'json');
    const quiet = flag(args, 'quiet') || io.env.PALETTE_VMO_QUIET === '1';
    if (!args.positionals.length) throw usage();
    const jobs = jobsOption(args, SYNTH_COMMAND);
    // The library loads only when a command needs it, so --version and --help start fast.
    const { streamSites } = await import('../site-stream');
    const run = await streamSites(args.positionals, io, {
      outdir,
      write: true,
      strict,
      prune: flag(args, 'prune'),
      quiet,
      ...(jobs !== undefined ? { jobs } : {}),
      packCatalog: stringOption(args, 'pack-catalog'),
      onWait: (who) => io.err(`palette-vmo: waiting for another run (${who}) that writes to ${outdir}`),
    });
    const written = run.output;
    if (run.failed || !written) {
      await report(run, io, strict, json, { written: false }, quiet);
      if (!json) io.err(`nothing was written; ${relative(process.cwd(), resolve(outdir)) || '.'}/ is unchanged`);
      return CliExit.FAILED;
    }
    copyForCdk8s(io, written.outdir, written.sites);
    const shown = relative(process.cwd(), written.outdir) || '.';
    if (json) {
      await report(run, io, strict, json, { written: true, outdir: shown, sites: written.sites, pruned: written.pruned, files: written.files, jobs: run.jobs });
      return CliExit.OK;
    }
    if (!quiet) await report(run, io, strict, false, { written: true });
    io.out(
      `wrote ${written.sites.length} site(s), ${written.files} files, to ${shown}/: ${listed(written.sites)}` +
        (written.pruned.length
          ? `; removed ${written.pruned.length} site(s) ${flag(args, 'prune') ? 'not in this run (--prune)' : 'no longer defined'}: ${listed(written.pruned)}`
          : ''),
    );
    return CliExit.OK;
  },
};

/** At most this many names on the summary line: a fleet's 10,000 names are in --json. */
const LISTED_SITES = 50;

function listed(names: readonly string[]): string {
  if (names.length <= LISTED_SITES) return names.join(', ');
  return `${names.slice(0, LISTED_SITES).join(', ')} and ${names.length - LISTED_SITES} more`;
}

function usage(): UsageError {
  return new UsageError("'synth' needs site files, app programs or folders of them", SYNTH_COMMAND);
}

/** Warnings (and errors) as tables on stderr, or everything as one JSON document on stdout. */
async function report(run: SiteStreamResult, io: CliIo, strict: boolean, json: boolean, written: Record<string, unknown>, quiet = false): Promise<void> {
  const { failsRun, findingsJson, findingsText, warningSummary, withFilePositions } = await import('../findings-report');
  if (json) {
    const findings = findingsJson(run.findings, run.siteSources, strict, process.cwd());
    io.out(JSON.stringify({ ok: written.written === true, strict, sites: run.sites, ...written, findings }, null, 2));
    return;
  }
  const notable = run.findings.filter((f) => f.level !== 'info' && f.suppressedReason === undefined);
  const failing = run.findings.filter((f) => failsRun(f, strict));
  if (failing.length) {
    // Stopped: what fails the run, site by site; then (unless --quiet) the other warnings, each distinct one once.
    const withFindings = new Set(failing.map((f) => /^site ([^:]+):/.exec(f.location)?.[1]));
    const placed = withFilePositions(failing, run.siteSources, process.cwd());
    for (const line of findingsText(run.sites.filter((s) => withFindings.has(s)), placed, strict)) io.err(line);
    const others = notable.filter((f) => !failsRun(f, strict));
    if (!quiet && others.length) for (const line of warningSummary(others)) io.err(line);
    return;
  }
  // Written: each distinct warning once (checks.json of each site has them all).
  if (notable.length) for (const line of warningSummary(notable)) io.err(line);
}

/**
 * cdk8s-cli runs the app with CDK8S_OUTDIR and then lists (or, with --stdout, prints) the YAML
 * files there: give it a copy of what was written (the ownership markers aside). dist/ itself
 * was written by the writer.
 */
function copyForCdk8s(io: CliIo, outdir: string, sites: readonly string[]): void {
  const target = io.env.CDK8S_OUTDIR;
  if (!target || resolve(target) === outdir) return;
  for (const site of sites) {
    const to = join(target, site);
    onPath(to, 'copy the output for cdk8s', () => cpSync(join(outdir, site), to, { recursive: true, filter: (src) => !src.endsWith('.palette-vmo-site') }));
  }
}
