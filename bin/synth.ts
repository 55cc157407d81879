/**
 * `npm run synth`: runs every app in apps/ in one process. Each app checks its sites and
 * writes them atomically into dist/; an app whose sites fail writes nothing, and the
 * command exits 1 after reporting every failure.
 */
import { readdirSync } from 'fs';
import { join, resolve } from 'path';
import { isValidationError } from '../lib/palette/errors';

const appsDir = resolve(__dirname, '..', 'apps');
const apps = readdirSync(appsDir).filter((f) => f.endsWith('.ts')).sort();
let failed = 0;
for (const file of apps) {
  try {
    require(join(appsDir, file));
  } catch (e) {
    failed++;
    if (isValidationError(e)) process.stderr.write(`apps/${file}: ${e.message}\n`);
    else throw e;
  }
}
if (failed) {
  process.stderr.write(`${failed} of ${apps.length} app(s) failed; their previous output is unchanged\n`);
  process.exit(1);
}
