import { CliCommand, flag, UsageError } from '../cli-command';
import { PALETTE_OPTIONS, withClient } from '../palette-options';

/** `palette-vmo deploy`: each site's MAAS cluster (deploy/), listed offline or validated by Palette. */
export const DEPLOY_COMMAND: CliCommand = {
  name: 'deploy',
  usage: '<site|dist/<site>>... [--validate]',
  summary: "each site's MAAS cluster (deploy/): its pools, profiles and inputs; --validate asks Palette to validate it",
  details: [
    '<site> is a site file, an app program or a site output folder (dist/<site>).',
    'Without --validate: prints each cluster\'s pools, profiles and the inputs it needs, offline.',
    '--validate: fills in the profile, cloud account and backup location uids from Palette and the input',
    'variables from TF_VAR_<name> (as Terraform reads them), then sends the cluster to Palette\'s validate',
    'endpoint without creating it. Exit 0 valid, 1 invalid, 3 key or project refused, 4 Palette unreachable.',
  ].join('\n'),
  options: [{ name: 'validate', type: 'boolean', description: 'send each cluster to Palette to validate it (needs PALETTE_API_KEY)' }, ...PALETTE_OPTIONS],
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError("'deploy' needs site files, app programs or site output folders", DEPLOY_COMMAND);
    const { deploy } = await import('./deploy');
    const output = { out: io.out, err: io.err };
    if (!flag(args, 'validate')) return deploy({ targets: args.positionals, env: io.env, output });
    return withClient(args, io, (client) => deploy({ targets: args.positionals, validate: true, client, env: io.env, output }));
  },
};
