/**
 * `npm run synth` (and cdk8s.yaml's app): `palette-vmo synth apps/ sites/ -o dist --prune` from
 * the repository root, so every reference site is checked, then all are written together and
 * sites no longer defined are removed. Run by `cdk8s synth`, it also copies the output to
 * CDK8S_OUTDIR (a scratch folder) for cdk8s to list or print; dist/ is only ever written here.
 */
import { join } from 'path';
import { processIo } from '../lib/cli/cli-io';
import { packageRoot } from '../lib/cli/package-files';
import { runCli } from '../lib/cli/run-cli';

const root = packageRoot();
runCli(['synth', join(root, 'apps'), join(root, 'sites'), '-o', join(root, 'dist'), '--prune', ...process.argv.slice(2)], processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (bug: unknown) => {
    process.stderr.write(`synth: internal error, please report it:\n${bug instanceof Error ? bug.stack : String(bug)}\n`);
    process.exitCode = 70;
  },
);
