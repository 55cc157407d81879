import { ExitCode } from '../api/exit-code';

/**
 * The exit codes of every `palette-vmo` command (README "Exit codes"). The Palette commands'
 * codes are palette-api.md §6.4 step 8.
 */
export const CliExit = {
  /** Done; for validate: no error (and, with --strict, no warning). */
  OK: ExitCode.OK,
  /** A site or profile has errors (or warnings with --strict), a file cannot be read or written, or `diff` found differences. */
  FAILED: ExitCode.INVALID,
  /** The command line is wrong (unknown command or option, missing argument). */
  USAGE: 2,
  /** `push`: the profile's name and version exist on Palette with other content. */
  EXISTS_AND_DIFFERS: ExitCode.EXISTS_AND_DIFFERS,
  /** Palette refused the API key or project (401/403). */
  AUTH: ExitCode.AUTH,
  /** Palette could not be reached, or kept failing after the retries. */
  TRANSPORT: ExitCode.TRANSPORT,
} as const;
