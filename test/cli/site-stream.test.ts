import { existsSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chooseJobs } from '../../lib/cli/site-stream';
import { tempDirs } from '../helpers';
import { REPO_ROOT } from '../support/dist-tree';
import { cli, readTree, siteText, writeSite } from './cli-harness';

const tempDir = tempDirs('pvmo-stream-');

/** A folder of `n` site files, `site-0` ... `site-<n-1>`; site `bad` (if given) has a host address as its mgmt subnet (NET-001). */
function siteFolder(n: number, bad?: number): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) {
    const text = siteText(`site-${i}`);
    writeSite(dir, `site-${i}`, i === bad ? text.replace('172.16.0.0/22', '172.16.0.1/22') : text);
  }
  return dir;
}

/** A CommonJS app program defining `n` sites with app.defineSite (built one at a time as they render). */
function fleetProgram(n: number, throwAt?: number): string {
  const path = join(tempDir(), 'fleet.js');
  writeFileSync(
    path,
    `const { VmoSite } = require(${JSON.stringify(join(REPO_ROOT, 'lib'))});
module.exports = function (app) {
  for (let i = 0; i < ${n}; i++) {
    app.defineSite((scope) => {
      if (i === ${throwAt ?? -1}) throw new (require(${JSON.stringify(join(REPO_ROOT, 'lib', 'common', 'errors'))}).ValidationError)('site ' + i + ' cannot be built: a test');
      return new VmoSite(scope, 'fleet-' + i, {
        profileNamePrefix: 'VMO-Fleet' + i,
        network: { layout: 'two-nic', mgmt: { vlan: 10, cidr: '172.16.' + 4 * i + '.0/22' }, data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' } },
        kubernetes: { serviceCidr: '100.65.0.0/18' },
        profiles: { layout: 'full' },
      });
    });
  }
};
`,
  );
  return path;
}

/** Entries of a folder that a run left besides its sites: the lock, temporary folders. */
const litter = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.palette-vmo'));

describe('synth and validate stream the sites, on a pool of worker threads when asked or when there are many', () => {
  test('two threads write exactly what one thread writes, sites in definition order', async () => {
    const sites = siteFolder(5);
    const one = join(tempDir(), 'one');
    const two = join(tempDir(), 'two');
    const a = await cli(['synth', sites, '-o', one, '--jobs', '1']);
    const b = await cli(['synth', sites, '-o', two, '--jobs', '2']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(b.out.replace(/ to .*: /, ' to: ')).toBe(a.out.replace(/ to .*: /, ' to: '));
    expect(b.out).toMatch(/wrote 5 site\(s\), \d+ files, to .*: site-0, site-1, site-2, site-3, site-4\n$/);
    const treeOne = readTree(one);
    expect(Object.keys(treeOne).length).toBeGreaterThan(20);
    expect(readTree(two)).toEqual(treeOne);
  }, 120_000);

  test('fails: one site with an error on a worker thread: exit 1, its finding reported, nothing written, no temporary folder left', async () => {
    const sites = siteFolder(4, 3);
    const out = tempDir();
    const r = await cli(['synth', sites, '-o', out, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/site-3: network\.mgmt\.cidr .*NET-001|NET-001.*site-3|site site-3: [1-9]/);
    expect(r.err).toMatch(/nothing was written/);
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  test('an app program of defined sites: validate on two threads reports every site in order; synth writes them all', async () => {
    const program = fleetProgram(4);
    const v = await cli(['validate', '--json', program, '--jobs', '2']);
    expect(v.code).toBe(0);
    expect((JSON.parse(v.out) as { sites: string[] }).sites).toEqual(['fleet-0', 'fleet-1', 'fleet-2', 'fleet-3']);
    const out = join(tempDir(), 'dist');
    const s = await cli(['synth', program, '-o', out, '--jobs', '2']);
    expect(s.code).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['fleet-0', 'fleet-1', 'fleet-2', 'fleet-3']);
    expect(litter(out)).toEqual([]);
  }, 120_000);

  test('fails: a site definition that throws, on either thread: one line, exit 1, nothing written', async () => {
    for (const throwAt of [2, 3]) {
      const out = join(tempDir(), 'dist');
      const r = await cli(['synth', fleetProgram(4, throwAt), '-o', out, '--jobs', '2', '--quiet']);
      expect([throwAt, r.code, r.err.trim()]).toEqual([throwAt, 1, `site ${throwAt} cannot be built: a test`]);
      expect(existsSync(out)).toBe(false);
    }
  }, 120_000);

  test('fails: --jobs that is not a number of threads is a usage error; PALETTE_VMO_JOBS likewise, one line', async () => {
    const sites = siteFolder(1);
    const r = await cli(['validate', sites, '--jobs', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^palette-vmo: --jobs 'many' is not a number of threads: give a whole number, 1 or more$/m);
    const e = await cli(['validate', sites], { PALETTE_VMO_JOBS: '0' });
    expect([e.code, e.err.trim()]).toEqual([1, "PALETTE_VMO_JOBS is '0': give a whole number of threads, 1 or more"]);
  });

  test('the pool is one thread per core when each gets enough sites, one thread for a few sites, and as asked', () => {
    expect(chooseJobs(8, undefined)).toBe(1);
    expect(chooseJobs(10_000, undefined)).toBeGreaterThanOrEqual(Math.min(2, require('os').availableParallelism()));
    expect(chooseJobs(10_000, 3)).toBe(3);
    expect(chooseJobs(2, 8)).toBe(2);
  });
});
