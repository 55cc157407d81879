import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

const PACKAGE_NAME = 'cdk8s-palette-vmo';

/** A package found above a file: its folder and the version its package.json gives. */
export interface FoundPackage {
  readonly root: string;
  readonly version?: string;
}

/** The nearest folder at or above `from` whose package.json names the package `name`; undefined when none does. */
export function findPackage(from: string, name: string): FoundPackage | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return { root: dir, ...(pkg.version !== undefined ? { version: pkg.version } : {}) };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

let root: string | undefined;

/**
 * This package's root. Works from lib/ (tsx, jest), from build/lib/ (the installed package) and
 * from the bundled command line (build/bin/).
 */
export function packageRoot(): string {
  root ??= findPackage(__dirname, PACKAGE_NAME)?.root;
  if (root === undefined) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${__dirname}`);
  return root;
}
