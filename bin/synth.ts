/**
 * `npm run synth`: synthesizes every reference site (each app program in apps/ and each site
 * file in sites/) as one run: every site is checked first, and nothing is written unless all
 * pass; then the new output replaces the old.
 */
import { readdirSync } from 'fs';
import { join, resolve } from 'path';
// Loading lib/book registers the site book: every VMO site writes dist/<site>/site-book.md.
import { addTarget } from '../lib/cli/load-target';
import { isValidationError } from '../lib/common/errors';
import { PaletteApp } from '../lib/palette/palette-app';

const root = resolve(__dirname, '..');
const list = (dir: string, pattern: RegExp) => readdirSync(join(root, dir)).filter((f) => pattern.test(f)).sort().map((f) => join(root, dir, f));

try {
  const app = new PaletteApp({ outdir: join(root, 'dist') });
  for (const target of [...list('apps', /\.ts$/), ...list('sites', /\.ya?ml$/)]) addTarget(app, target);
  const result = app.synth();
  process.stdout.write(`wrote ${result.sites.size} site(s) to dist/: ${[...result.sites.keys()].join(', ')}\n`);
} catch (e) {
  if (!isValidationError(e)) throw e;
  process.stderr.write(`${e.message}\nnothing was written; dist/ is unchanged\n`);
  process.exit(1);
}
