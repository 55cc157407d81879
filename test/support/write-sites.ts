/**
 * A writer run in its own process, for the writer tests (concurrency, kills, permissions):
 *
 *   tsx test/support/write-sites.ts <outdir> <version> <site count> [hold ms between sites] [hang]
 *
 * Writes sites s000.. with `version.txt` holding <version>. With `hang`, prints `ready` after
 * the last site and waits forever before commit (synchronously, so only a kill ends it); with
 * `hang-async`, waits on the event loop instead, as a streaming writer would, so signals reach it.
 */
import { isValidationError } from '../../lib/common/errors';
import { OutputRun } from '../../lib/palette/output-writer';

const [outdir, version, count, hold = '0', mode = ''] = process.argv.slice(2);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

try {
  const run = OutputRun.begin(outdir, { timeoutMs: 60_000 });
  for (let i = 0; i < Number(count); i++) {
    const files = new Map([
      ['version.txt', `${version}\n`],
      ['profiles/Profile.json', JSON.stringify({ version, site: i, padding: 'x'.repeat(2000) })],
    ]);
    run.addSite(`s${String(i).padStart(3, '0')}`, files);
    if (Number(hold)) sleep(Number(hold));
  }
  if (mode === 'hang') {
    process.stdout.write('ready\n');
    for (;;) sleep(1000);
  }
  if (mode === 'hang-async') {
    process.stdout.write('ready\n');
    setInterval(() => undefined, 1000);
  } else {
    const result = run.commit();
    process.stdout.write(JSON.stringify(result) + '\n');
  }
} catch (e) {
  if (!isValidationError(e)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
}
