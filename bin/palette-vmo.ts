#!/usr/bin/env node
/** palette-vmo: the command line (lib/cli). `palette-vmo --help` lists the commands. */
import { processIo } from '../lib/cli/cli-io';
import { runCli } from '../lib/cli/run-cli';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (bug: unknown) => {
    // Not a user mistake: show the stack so it can be reported.
    process.stderr.write(`palette-vmo: internal error, please report it:\n${bug instanceof Error ? bug.stack : String(bug)}\n`);
    process.exitCode = 70;
  },
);
