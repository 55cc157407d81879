import { join } from 'path';
import { findPackage, packageRoot } from '../common/package-root';

/**
 * True when this code runs as one bundled file (build/bin/*.js, see scripts/bundle-cli.ts), where
 * every module's `__filename` is the bundle's; false from lib/ (tsx, jest) or build/lib/.
 */
export function runsBundled(): boolean {
  return !/package-files\.[jt]s$/.test(__filename);
}

/** The version in package.json. */
export function packageVersion(): string {
  return findPackage(packageRoot(), 'cdk8s-palette-vmo')?.version ?? 'unknown';
}

/** The committed site JSON Schema (`npm run schema`), shipped in the package. */
export function siteSchemaPath(): string {
  return join(packageRoot(), 'schema', 'site.schema.json');
}
