/**
 * `npm run synth`: synthesizes every reference site — each app program in apps/ and each
 * site file in sites/ — in one process. Each site is checked before anything is written
 * and swapped into dist/ atomically; a failing one keeps its previous output, and the
 * command exits 1 after reporting every failure.
 */
import { readdirSync } from 'fs';
import { join, resolve } from 'path';
import { isValidationError } from '../lib/common/errors';
import { PaletteApp } from '../lib/palette/palette-app';
import { loadSiteFile } from '../lib/site/site-file';
import { VmoSite } from '../lib/site/vmo-site';

const root = resolve(__dirname, '..');
const list = (dir: string, pattern: RegExp) => readdirSync(join(root, dir)).filter((f) => pattern.test(f)).sort().map((f) => `${dir}/${f}`);
const targets = [...list('apps', /\.ts$/), ...list('sites', /\.ya?ml$/)];

let failed = 0;
for (const target of targets) {
  try {
    if (target.startsWith('apps/')) {
      require(join(root, target));
    } else {
      const props = loadSiteFile(join(root, target));
      const app = new PaletteApp();
      new VmoSite(app, props.name ?? 'site', props);
      app.synth();
    }
  } catch (e) {
    failed++;
    if (isValidationError(e)) process.stderr.write(`${target}: ${e.message}\n`);
    else throw e;
  }
}
if (failed) {
  process.stderr.write(`${failed} of ${targets.length} site definition(s) failed; their previous output is unchanged\n`);
  process.exit(1);
}
