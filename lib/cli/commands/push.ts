import { OnExists } from '../../api/commands/on-exists';
import { CliCommand, flag, stringOption, UsageError } from '../cli-command';
import { PALETTE_OPTIONS, REGISTRY_MAP_OPTION, registryMap, withClient } from '../palette-options';

/** `palette-vmo push` (palette-api.md §6.4): idempotent import of every profile. */
export const PUSH_COMMAND: CliCommand = {
  name: 'push',
  usage: '<profile.json|dist/<site>|dist|site>... [--on-exists skip-if-identical|fail|replace] [--registry-map ...]',
  summary: 'import the profiles into Palette, Infra and Full before add-ons; unchanged ones are left alone',
  details: [
    'One line per profile: `<name> <version>: created|unchanged|replaced (uid <uid>)`. A profile whose name and version',
    'exist with other content fails with "bump the version" (exit 2), unless --on-exists replace and no cluster uses it.',
  ].join('\n'),
  options: [
    { name: 'on-exists', type: 'string', value: 'what', description: 'skip-if-identical (default), fail, or replace (only when no cluster uses it)' },
    { name: 'strict-registry', type: 'boolean', description: 'compare registry uids too when deciding "unchanged"' },
    REGISTRY_MAP_OPTION,
    ...PALETTE_OPTIONS,
  ],
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError("'push' needs profile JSON files, site output folders or site files", PUSH_COMMAND);
    const onExists = OnExists.of(stringOption(args, 'on-exists') ?? OnExists.SKIP_IF_IDENTICAL.value);
    const [{ profileInputs }, { push }] = await Promise.all([import('../profile-inputs'), import('../../api/commands/push')]);
    const inputs = profileInputs(args.positionals, io);
    const map = registryMap(args);
    return withClient(args, io, (client) =>
      push({ client, inputs, onExists, registryMap: map, strictRegistry: flag(args, 'strict-registry'), output: { out: io.out, err: io.err } }),
    );
  },
};
