import { isValidationError } from '../common/errors';
import { PaletteApiError } from './palette-api-error';

/** Exit codes of `validate --remote`, `push`, `diff` and `pull-packs` (palette-api.md §6.4 step 8). */
export const ExitCode = {
  /** Done: created, unchanged, replaced, valid, equal, pulled. */
  OK: 0,
  /** A local or remote validation error (a user mistake; the line says which and the fix). */
  INVALID: 1,
  /** `diff` only: the file and Palette differ (§6.4 `diff`). */
  DIFFERENT: 1,
  /** `push`: the name and version exist on Palette with other content. */
  EXISTS_AND_DIFFERS: 2,
  /** Palette answered 401 or 403. */
  AUTH: 3,
  /** No answer from Palette, or 429/5xx after the retries. */
  TRANSPORT: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code an error stands for, or undefined for a bug (which the caller rethrows). */
export function exitCodeFor(err: unknown): ExitCode | undefined {
  if (err instanceof PaletteApiError) {
    if (err.isAuthFailure) return ExitCode.AUTH;
    if (err.isTransportFailure) return ExitCode.TRANSPORT;
    return ExitCode.INVALID;
  }
  return isValidationError(err) ? ExitCode.INVALID : undefined;
}
