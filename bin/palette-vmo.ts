#!/usr/bin/env node
/**
 * palette-vmo: the command line (lib/cli). `palette-vmo --help` lists the commands. `npm run
 * build` bundles this file with the library into build/bin/palette-vmo.js (scripts/bundle-cli.ts):
 * one file to load instead of some 300, a good part of what starting the command costs.
 */
import '../lib/cli/share-yaml'; // first: before anything loads cdk8s
import { runMain } from '../lib/cli/main';

runMain('palette-vmo', process.argv.slice(2));
