import { CliIo } from './cli-io';

/** One option of a command, as `node:util` parseArgs takes it plus what the help shows. */
export interface CliOption {
  /** The long name, without dashes: `outdir` for `--outdir`. */
  readonly name: string;
  /** One letter: `o` for `-o`. @default none */
  readonly short?: string;
  readonly type: 'string' | 'boolean';
  /** The option may be given several times. @default false */
  readonly multiple?: boolean;
  /** What the value is called in the help, e.g. `dir`. @default 'value' */
  readonly value?: string;
  readonly description: string;
}

/** What a command is given: its positional arguments and its options by long name. */
export interface CliArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

/**
 * A command of `palette-vmo`. A command lives in its own file under lib/cli/commands and is
 * listed in lib/cli/commands/index.ts; the registry parses its options, prints its help, and
 * turns a ValidationError into one line and exit code 1.
 */
export interface CliCommand {
  /** One or more words: `synth`, `packs pull`. */
  readonly name: string;
  /** The arguments after the name, for the usage line: `<site|folder>... [-o dir]`. */
  readonly usage: string;
  /** One line for the command list. */
  readonly summary: string;
  /** More lines for `palette-vmo <command> --help`. @default none */
  readonly details?: string;
  readonly options: readonly CliOption[];
  /** Runs the command; returns the exit code (see lib/cli/exit-codes.ts). */
  run(args: CliArgs, io: CliIo): Promise<number>;
}

/** A mistake in the command line itself (exit 2, with the usage). */
export class UsageError extends Error {
  constructor(message: string, public readonly command?: CliCommand) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A string option's value, or undefined. */
export function stringOption(args: CliArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable string option's values, [] when absent. */
export function stringOptions(args: CliArgs, name: string): string[] {
  const v = args.values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

export function flag(args: CliArgs, name: string): boolean {
  return args.values[name] === true;
}

/** `--pack-catalog <dir>`: pack defaults of your own, asked before the built-in catalog for every site of the run. */
export const PACK_CATALOG_OPTION: CliOption = {
  name: 'pack-catalog',
  type: 'string',
  value: 'dir',
  description: "a folder of pack defaults (<pack>/<version>/values.yaml, e.g. from 'packs pull'), asked before the built-in catalog",
};

/** `--jobs <n>`: threads that render sites (a run of many sites uses one per core by default). */
export const JOBS_OPTION: CliOption = {
  name: 'jobs',
  short: 'j',
  type: 'string',
  value: 'n',
  description: 'render sites on n threads (default: one per core when there are many sites; PALETTE_VMO_JOBS)',
};

/** The `--jobs` value, or undefined; anything but a whole number from 1 is a usage error. */
export function jobsOption(args: CliArgs, command: CliCommand): number | undefined {
  const v = stringOption(args, 'jobs');
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1) throw new UsageError(`--jobs '${v}' is not a number of threads: give a whole number, 1 or more`, command);
  return n;
}
