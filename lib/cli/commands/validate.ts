import { CliCommand, flag, JOBS_OPTION, jobsOption, PACK_CATALOG_OPTION, stringOption, UsageError } from '../cli-command';
import { CliExit } from '../exit-codes';
import { PALETTE_OPTIONS, REGISTRY_MAP_OPTION, registryMap, withClient } from '../palette-options';

/** `palette-vmo validate`: every finding of every site; with --remote, Palette's own checks of the profiles. */
export const VALIDATE_COMMAND: CliCommand = {
  name: 'validate',
  usage: '<site|app|folder>... [--strict] [--json] | --remote <profile.json|dist/<site>|dist|site>...',
  summary: 'check the sites and print every finding (exit 1 on errors); --remote: also ask Palette',
  details: [
    '--remote runs the local profile checks, then Palette\'s import validation, finds a registry for every pack,',
    'and checks every macro the profiles use. It takes profile JSON files, site output folders (dist/<site>/), an',
    'output folder (dist/), or site files (rendered in memory first). It imports nothing.',
  ].join('\n'),
  options: [
    { name: 'strict', type: 'boolean', description: 'warnings fail too (exit 1)' },
    { name: 'json', type: 'boolean', description: 'print the findings as JSON on stdout (file, setting, line for CI annotations)' },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'print no progress, and only the sites and findings that fail the run' },
    { name: 'remote', type: 'boolean', description: 'also validate the profiles against Palette (see below)' },
    PACK_CATALOG_OPTION,
    JOBS_OPTION,
    REGISTRY_MAP_OPTION,
    ...PALETTE_OPTIONS,
  ],
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError("'validate' needs site files, app programs or folders of them", VALIDATE_COMMAND);
    const strict = flag(args, 'strict');
    if (flag(args, 'remote')) {
      if (flag(args, 'json')) throw new UsageError('--json is for the local findings: leave it out with --remote', VALIDATE_COMMAND);
      const [{ profileInputs }, { validateRemote }] = await Promise.all([import('../profile-inputs'), import('../../api/commands/validate-remote')]);
      const inputs = profileInputs(args.positionals, io);
      return withClient(args, io, (client) => validateRemote({ client, inputs, registryMap: registryMap(args), output: { out: io.out, err: io.err } }));
    }
    const jobs = jobsOption(args, VALIDATE_COMMAND);
    const quiet = flag(args, 'quiet') || io.env.PALETTE_VMO_QUIET === '1';
    const [{ streamSites }, { failsRun, findingsJson, findingsText, withFilePositions }] = await Promise.all([import('../site-stream'), import('../findings-report')]);
    const run = await streamSites(args.positionals, io, { write: false, strict, quiet, ...(jobs !== undefined ? { jobs } : {}), packCatalog: stringOption(args, 'pack-catalog') });
    if (flag(args, 'json')) {
      const findings = findingsJson(run.findings, run.siteSources, strict, process.cwd());
      io.out(JSON.stringify({ ok: !run.failed, strict, sites: run.sites, findings }, null, 2));
    } else if (quiet) {
      const failing = withFilePositions(run.findings.filter((f) => failsRun(f, strict)), run.siteSources, process.cwd());
      const sites = run.sites.filter((s) => failing.some((f) => f.location.startsWith(`site ${s}:`)));
      if (failing.length) for (const line of findingsText(sites, failing, strict)) io.out(line);
    } else {
      for (const line of findingsText(run.sites, withFilePositions(run.findings, run.siteSources, process.cwd()), strict)) io.out(line);
    }
    return run.failed ? CliExit.FAILED : CliExit.OK;
  },
};
