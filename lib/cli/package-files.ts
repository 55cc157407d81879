import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

const PACKAGE_NAME = 'cdk8s-palette-vmo';

/**
 * This package's root: the nearest folder above this file whose package.json is ours. Works
 * from lib/cli (tsx, jest) and from build/lib/cli (the installed package).
 */
export function packageRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${__dirname}`);
  }
}

/**
 * True when this code runs as one bundled file (build/bin/*.js, see scripts/bundle-cli.ts), where
 * every module's `__filename` is the bundle's; false from lib/ (tsx, jest) or build/lib/.
 */
export function runsBundled(): boolean {
  return !/package-files\.[jt]s$/.test(__filename);
}

/** The version in package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The committed site JSON Schema (`npm run schema`), shipped in the package. */
export function siteSchemaPath(): string {
  return join(packageRoot(), 'schema', 'site.schema.json');
}
