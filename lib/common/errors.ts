/**
 * An error caused by the user's input (a prop, a site file, a rule finding), as opposed
 * to a bug. The command line prints its message without a stack trace.
 */
export class ValidationError extends Error {
  public readonly isValidationError = true;

  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** True for errors that describe a user mistake rather than a bug in the library. */
export function isValidationError(err: unknown): err is ValidationError {
  return typeof err === 'object' && err !== null && (err as { isValidationError?: unknown }).isValidationError === true;
}
