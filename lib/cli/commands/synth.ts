import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { onPath } from '../../common/file-system-error';
import { CliCommand, flag, PACK_CATALOG_OPTION, stringOption, UsageError } from '../cli-command';
import { CliIo } from '../cli-io';
import { CliExit } from '../exit-codes';
import type { RenderedTargets } from '../site-run';

/**
 * `palette-vmo synth`: checks every site of every target, and only when none fails writes
 * them all into the output folder together (lib/palette/output-writer.ts).
 */
export const SYNTH_COMMAND: CliCommand = {
  name: 'synth',
  usage: '<site|app|folder>... [-o dir] [--prune] [--strict] [--json]',
  summary: 'check the sites, then write their profiles, manifests and review files to <dir>/<site>/ (all sites or none)',
  details: [
    'A folder stands for its site files (.yaml/.yml) and app programs (.ts/.js). Nothing is written unless every',
    'site passes. A site folder is replaced only when palette-vmo wrote it (it holds a .palette-vmo-site marker);',
    'a marked folder whose site file is gone, or no longer defines it, is removed. When run by `cdk8s synth`',
    '(CDK8S_OUTDIR set), the written files are also copied there for cdk8s to list or print.',
  ].join('\n'),
  options: [
    { name: 'outdir', short: 'o', type: 'string', value: 'dir', description: 'the output folder (default: dist)' },
    { name: 'prune', type: 'boolean', description: 'also remove every other site folder palette-vmo wrote in <dir>: the targets are all the sites' },
    { name: 'strict', type: 'boolean', description: 'warnings fail too: nothing is written, exit 1' },
    { name: 'json', type: 'boolean', description: 'print the findings and what was written as JSON on stdout' },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'print no warnings and no progress' },
    PACK_CATALOG_OPTION,
  ],
  async run(args, io) {
    const outdir = stringOption(args, 'outdir') ?? 'dist';
    const strict = flag(args, 'strict');
    const json = flag(args, 'json');
    const quiet = flag(args, 'quiet') || io.env.PALETTE_VMO_QUIET === '1';
    if (!args.positionals.length) throw usage();
    // The library loads only when a command needs it, so --version and --help start fast.
    const [{ renderTargets }, { writeSitesAtomically }, { failsRun }] = await Promise.all([import('../site-run'), import('../../palette/output-writer'), import('../findings-report')]);
    const run = renderTargets(args.positionals, io, { outdir, quiet, packCatalog: stringOption(args, 'pack-catalog') });
    const failing = run.findings.filter((f) => failsRun(f, strict));
    if (!run.result || failing.length) {
      await report(run, io, strict, json, { written: false });
      if (!json) io.err(`nothing was written; ${relative(process.cwd(), resolve(outdir)) || '.'}/ is unchanged`);
      return CliExit.FAILED;
    }
    const written = writeSitesAtomically(outdir, run.result.sites, {
      siteSources: run.siteSources,
      sources: run.targets,
      pruneAll: flag(args, 'prune'),
      onWait: (who) => io.err(`palette-vmo: waiting for another run (${who}) that writes to ${outdir}`),
    });
    copyForCdk8s(io, written.outdir, run);
    const shown = relative(process.cwd(), written.outdir) || '.';
    if (json) {
      await report(run, io, strict, json, { written: true, outdir: shown, sites: written.sites, pruned: written.pruned, files: written.files });
      return CliExit.OK;
    }
    if (!quiet) await report(run, io, strict, false, { written: true });
    io.out(
      `wrote ${written.sites.length} site(s), ${written.files} files, to ${shown}/: ${written.sites.join(', ')}` +
        (written.pruned.length ? `; removed ${written.pruned.length} site(s) no longer defined: ${written.pruned.join(', ')}` : ''),
    );
    return CliExit.OK;
  },
};

function usage(): UsageError {
  return new UsageError("'synth' needs site files, app programs or folders of them", SYNTH_COMMAND);
}

/** Warnings (and errors) as tables on stderr, or everything as one JSON document on stdout. */
async function report(run: RenderedTargets, io: CliIo, strict: boolean, json: boolean, written: Record<string, unknown>): Promise<void> {
  const [{ failsRun, findingsJson, findingsText, warningSummary }, { siteNames }] = await Promise.all([import('../findings-report'), import('../site-run')]);
  if (json) {
    const findings = findingsJson(run.findings, run.siteSources, strict, process.cwd());
    io.out(JSON.stringify({ ok: written.written === true, strict, sites: siteNames(run), ...written, findings }, null, 2));
    return;
  }
  const shown = run.result ? run.findings.filter((f) => f.level !== 'info' && f.suppressedReason === undefined) : run.findings;
  if (!shown.length) return;
  if (run.result && !shown.some((f) => failsRun(f, strict))) {
    // Written: each distinct warning once (checks.json of each site has them all).
    for (const line of warningSummary(shown)) io.err(line);
    return;
  }
  const names = siteNames(run).filter((s) => shown.some((f) => f.location.startsWith(`site ${s}:`)));
  for (const line of findingsText(names, shown, strict)) io.err(line);
}

/**
 * cdk8s-cli runs the app with CDK8S_OUTDIR and then lists (or, with --stdout, prints) the YAML
 * files there: give it a copy of what was written. dist/ itself was written by the writer.
 */
function copyForCdk8s(io: CliIo, outdir: string, run: RenderedTargets): void {
  const target = io.env.CDK8S_OUTDIR;
  if (!target || resolve(target) === outdir || !run.result) return;
  for (const [site, files] of run.result.sites) {
    for (const [rel, content] of files) {
      const path = join(target, site, rel);
      onPath(path, 'copy the output for cdk8s', () => {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      });
    }
  }
}
