/**
 * `npm run synth` (and cdk8s.yaml's app): `palette-vmo synth apps/ sites/ -o dist --prune` from
 * the repository root, so every reference site is checked, then all are written together and
 * sites no longer defined are removed. Run by `cdk8s synth`, it also copies the output to
 * CDK8S_OUTDIR (a scratch folder) for cdk8s to list or print; dist/ is only ever written here.
 * `npm run synth` runs it compiled (build/bin/synth.js) after `npm run build`, whose `tsc -b`
 * compiles whatever changed: dist/ never comes from stale compiled code. The apps/ programs then
 * run as their compiled twins in build/apps (see lib/cli/load-target.ts).
 */
import '../lib/cli/share-yaml'; // first: before anything loads cdk8s
import { join } from 'path';
import { runMain } from '../lib/cli/main';
import { packageRoot } from '../lib/common/package-root';

const root = packageRoot();
runMain('synth', ['synth', join(root, 'apps'), join(root, 'sites'), '-o', join(root, 'dist'), '--prune', ...process.argv.slice(2)]);
