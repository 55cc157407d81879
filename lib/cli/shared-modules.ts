import Module from 'module';
import { dirname, join } from 'path';
import * as YAML from 'yaml';
import { findPackage } from '../common/package-root';

/**
 * Makes `require(path)` in this process return `exports`, unless the file at `path` is loaded
 * already (then that copy stays, and false says so). How the command line keeps one copy of a
 * module it carries inside its bundle (build/bin/palette-vmo.js is one file, see
 * scripts/bundle-cli.ts) and that other code loads by file: an app program's
 * `require('cdk8s-palette-vmo')`, cdk8s's own `require('yaml')`.
 */
export function shareModule(path: string, exports: unknown): boolean {
  if (require.cache[path]) return false;
  const shared = new Module(path);
  shared.filename = path;
  shared.loaded = true;
  shared.exports = exports;
  require.cache[path] = shared;
  return true;
}

/**
 * cdk8s carries its own copy of yaml (a bundled dependency). When it is the very version this
 * package uses, cdk8s is given this package's copy instead: one copy of yaml to load, which is
 * about a tenth of the command line's start. Another version keeps its own copy. Call it before
 * anything loads cdk8s; false when nothing was shared.
 */
export function shareYamlWithCdk8s(): boolean {
  let cdk8sYaml: string;
  try {
    cdk8sYaml = require.resolve('yaml', { paths: [dirname(require.resolve('cdk8s'))] });
  } catch {
    return false; // no cdk8s here: nothing loads it
  }
  const ours = (require('yaml/package.json') as { version: string }).version;
  return findPackage(dirname(cdk8sYaml), 'yaml')?.version === ours && shareModule(cdk8sYaml, YAML);
}

/**
 * The library this command line runs is the one an app program gets from `require('cdk8s-palette-vmo')`
 * or `'../lib'` (both resolve to build/lib/index.js): one copy of every class, so the program's
 * sites are the command line's sites, also when the command line is one bundled file.
 */
export function shareLibrary(packageRoot: string, library: object): boolean {
  return shareModule(join(packageRoot, 'build', 'lib', 'index.js'), library);
}
