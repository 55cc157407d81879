import { parseArgs } from 'util';
import { CliArgs, CliCommand, CliOption, UsageError } from './cli-command';

/** The option every command has. */
const HELP: CliOption = { name: 'help', short: 'h', type: 'boolean', description: 'show this help' };

/**
 * The commands of `palette-vmo`, by name. A command is registered once; names may have two
 * words (`packs pull`), found by the longest match.
 */
export class CommandRegistry {
  private readonly byName = new Map<string, CliCommand>();

  public register(command: CliCommand): this {
    if (this.byName.has(command.name)) throw new Error(`command '${command.name}' is registered twice`);
    this.byName.set(command.name, command);
    return this;
  }

  public get commands(): CliCommand[] {
    return [...this.byName.values()];
  }

  /** The command the first words name, and the rest of the arguments. */
  public find(argv: readonly string[]): { command: CliCommand; rest: string[] } | undefined {
    for (const words of [2, 1]) {
      const command = this.byName.get(argv.slice(0, words).join(' '));
      if (command && argv.slice(0, words).every((w) => !w.startsWith('-'))) return { command, rest: argv.slice(words) };
    }
    return undefined;
  }

  /** Command names that start with the given word (`packs` -> `packs pull`). */
  public startingWith(word: string): CliCommand[] {
    return this.commands.filter((c) => c.name.split(' ')[0] === word);
  }

  /** Parses a command's arguments; a mistake is a UsageError naming the option. */
  public parse(command: CliCommand, argv: readonly string[]): CliArgs {
    const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
    for (const o of [...command.options, HELP]) options[o.name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
    try {
      const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
      return { values, positionals };
    } catch (e) {
      throw new UsageError(usageMessage(e), command);
    }
  }

  /** The overall usage: every command with its summary. */
  public usage(): string {
    const width = Math.max(...this.commands.map((c) => c.name.length));
    return [
      'usage: palette-vmo <command> [arguments] [options]',
      '',
      'commands:',
      ...this.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      'palette-vmo <command> --help shows a command\'s arguments and options; palette-vmo --version shows the version.',
      'Exit codes: 0 done, 1 errors (or warnings with --strict; for diff: differences), 2 usage error (push: exists with other content), 3 Palette refused the API key, 4 Palette unreachable, 70 internal error (a bug: please report it with its stack).',
    ].join('\n');
  }

  /** One command's usage, options and details. */
  public commandUsage(command: CliCommand): string {
    const opts = [...command.options, HELP];
    const label = (o: CliOption) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
    const width = Math.max(...opts.map((o) => label(o).length));
    return [
      `usage: palette-vmo ${command.name} ${command.usage}`,
      '',
      command.summary,
      ...(command.details ? ['', command.details] : []),
      '',
      'options:',
      ...opts.map((o) => `  ${label(o).padEnd(width)}  ${o.description}${o.multiple ? ' (may be repeated)' : ''}`),
    ].join('\n');
  }
}

/** parseArgs' messages, in the words of this command line. */
function usageMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^' ,]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option ?? message}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} takes no value`;
  }
  return message.split('\n')[0];
}
