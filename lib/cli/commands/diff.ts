import { CliCommand, flag, stringOption, UsageError } from '../cli-command';
import { PALETTE_OPTIONS, withClient } from '../palette-options';

/** `palette-vmo diff`: what differs between a profile file and the profile on Palette. */
export const DIFF_COMMAND: CliCommand = {
  name: 'diff',
  usage: '<profile.json> [--uid uid] [--strict-registry] [--text]',
  summary: 'compare a profile file with the profile on Palette: one line per difference, values as YAML paths (exit 1 when they differ)',
  details: 'Masked secrets, variable display order, registry uids and quoting are not differences (palette-api.md §6.6).',
  options: [
    { name: 'uid', type: 'string', value: 'uid', description: "the remote profile's uid (default: the profile with the file's name and version)" },
    { name: 'strict-registry', type: 'boolean', description: 'compare registry uids too' },
    { name: 'text', type: 'boolean', description: 'compare values and manifests as text, not as YAML data' },
    ...PALETTE_OPTIONS,
  ],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError("'diff' compares one profile JSON file", DIFF_COMMAND);
    const [{ diff }, { ContentComparison }] = await Promise.all([import('../../api/commands/diff'), import('../../api/profile-normalisation')]);
    return withClient(args, io, (client) =>
      diff({
        client,
        input: args.positionals[0],
        uid: stringOption(args, 'uid'),
        strictRegistry: flag(args, 'strict-registry'),
        content: flag(args, 'text') ? ContentComparison.TEXT : ContentComparison.DATA,
        output: { out: io.out, err: io.err },
      }),
    );
  },
};
