import { CommandRegistry } from '../command-registry';
import { BOOK_COMMAND } from './book-command';
import { DEPLOY_COMMAND } from './deploy-command';
import { DIFF_COMMAND } from './diff';
import { PACKS_PULL_COMMAND } from './packs-pull';
import { PUSH_COMMAND } from './push';
import { SCHEMA_COMMAND } from './schema';
import { SYNTH_COMMAND } from './synth';
import { VALIDATE_COMMAND } from './validate';

/**
 * The commands of `palette-vmo`, in the order the help lists them. To add one, write it in
 * its own file in this folder (a CliCommand, see lib/cli/cli-command.ts) and add it here.
 */
export function builtInCommands(): CommandRegistry {
  return new CommandRegistry()
    .register(SYNTH_COMMAND)
    .register(VALIDATE_COMMAND)
    .register(SCHEMA_COMMAND)
    .register(PUSH_COMMAND)
    .register(DIFF_COMMAND)
    .register(PACKS_PULL_COMMAND)
    .register(DEPLOY_COMMAND)
    .register(BOOK_COMMAND);
}
