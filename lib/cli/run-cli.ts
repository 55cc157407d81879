import { exitCodeFor } from '../api/exit-code';
import { isValidationError } from '../common/errors';
import { UsageError } from './cli-command';
import { CliIo } from './cli-io';
import { CommandRegistry } from './command-registry';
import { builtInCommands } from './commands';
import { CliExit } from './exit-codes';
import { packageVersion } from './package-files';

/**
 * Runs `palette-vmo` with the given arguments; returns the exit code. User mistakes
 * (ValidationError, a Palette API error) are one line on stderr; a usage mistake is one line
 * and the usage (exit 2); anything else is a bug and is thrown, with its stack.
 */
export async function runCli(argv: readonly string[], io: CliIo, registry: CommandRegistry = builtInCommands()): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.out(packageVersion());
    return CliExit.OK;
  }
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.err : io.out)(registry.usage());
    return argv.length === 0 ? CliExit.USAGE : CliExit.OK;
  }
  const found = registry.find(argv);
  let json = false;
  try {
    if (!found) {
      const family = registry.startingWith(argv[0]);
      if (family.length) throw new UsageError(`'${argv[0]}' needs a subcommand: ${family.map((c) => c.name).join(', ')}`);
      throw new UsageError(argv[0].startsWith('-') ? `unknown option '${argv[0]}' (options follow the command)` : `unknown command '${argv[0]}'`);
    }
    const args = registry.parse(found.command, found.rest);
    json = args.values.json === true;
    if (args.values.help === true) {
      io.out(registry.commandUsage(found.command));
      return CliExit.OK;
    }
    return await found.command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`palette-vmo: ${e.message}`);
      io.err('');
      const command = e.command ?? found?.command;
      io.err(command ? registry.commandUsage(command) : registry.usage());
      return CliExit.USAGE;
    }
    const code = exitCodeFor(e);
    if (code !== undefined && (isValidationError(e) || e instanceof Error)) {
      const message = (e as Error).message;
      io.err(message);
      // --json promises one JSON document on stdout, also when the run stops before it has findings.
      if (json) io.out(JSON.stringify({ ok: false, error: { message, exitCode: code }, findings: [] }, null, 2));
      return code;
    }
    throw e;
  }
}
