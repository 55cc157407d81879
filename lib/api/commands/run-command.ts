import { ExitCode, exitCodeFor } from '../exit-code';
import { CommandOutput } from './command-output';

/**
 * Runs a command body and turns a user-facing failure (a ValidationError, a PaletteApiError)
 * into its one-line message and exit code; bugs are rethrown with their stack.
 */
export async function runCommand(output: CommandOutput, body: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await body();
  } catch (e) {
    const code = exitCodeFor(e);
    if (code === undefined || !(e instanceof Error)) throw e;
    output.err(e.message);
    return code;
  }
}
