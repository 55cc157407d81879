import { spawnSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { tempDirs } from '../helpers';
import { cli, readTree, siteText, writeSite } from './cli-harness';

const ROOT = resolve(__dirname, '..', '..');
const CDK8S = join(ROOT, 'node_modules', '.bin', 'cdk8s');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const tempDir = tempDirs('cdk8s-');

/** A project laid out like this repository: sites/, and a cdk8s.yaml like ours. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'sites'));
  writeSite(join(dir, 'sites'), 'east');
  writeSite(join(dir, 'sites'), 'west');
  writeFileSync(join(dir, 'cdk8s.yaml'), `language: typescript\napp: ${TSX} ${join(ROOT, 'bin', 'palette-vmo.ts')} synth sites -o dist --prune --quiet\noutput: .cdk8s-scratch\n`);
  return dir;
}

function cdk8s(dir: string, ...args: string[]) {
  const r = spawnSync(CDK8S, ['synth', '--no-check-upgrade', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cdk8s synth', () => {
  test("this repository's cdk8s.yaml gives cdk8s a scratch folder, and its app writes dist/", () => {
    const config = parse(readFileSync(join(ROOT, 'cdk8s.yaml'), 'utf8')) as { app: string; output: string };
    expect(config.output).toBe('.cdk8s-scratch');
    expect(config.app).toBe('npm run --silent synth');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\.cdk8s-scratch\/$/m);
  });

  test('writes the same dist/ as palette-vmo synth, and gives cdk8s a copy to list', async () => {
    const dir = project();
    const r = cdk8s(dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\.cdk8s-scratch\/east\/manifests\//);

    const direct = await cli(['synth', join(dir, 'sites'), '-o', join(dir, 'direct', 'dist'), '--prune']);
    expect(direct.code).toBe(0);
    const dist = readTree(join(dir, 'dist'));
    expect(Object.keys(dist).length).toBeGreaterThan(10);
    // The markers name the site files relative to the output folder: the same text from dist/ and direct/dist/ is one level apart.
    const expected = readTree(join(dir, 'direct', 'dist'));
    for (const site of ['east', 'west']) expected[`${site}/.palette-vmo-site`] = expected[`${site}/.palette-vmo-site`].replace('../../sites/', '../sites/');
    expect(dist).toEqual(expected);
    const scratch = readTree(join(dir, '.cdk8s-scratch'));
    for (const [path, content] of Object.entries(scratch)) expect(dist[path]).toBe(content);
  }, 60_000);

  test('fails: a site with errors stops cdk8s synth and leaves dist/ exactly as it was', () => {
    const dir = project();
    expect(cdk8s(dir).code).toBe(0);
    const before = readTree(join(dir, 'dist'));
    writeFileSync(join(dir, 'sites', 'west.yaml'), siteText('west').replace('172.16.0.0/22', '172.16.0.1/22'));

    const r = cdk8s(dir);

    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/NET-001/);
    expect(readTree(join(dir, 'dist'))).toEqual(before);
  }, 60_000);

  test('--stdout prints the written YAML and keeps dist/', () => {
    const dir = project();
    const r = cdk8s(dir, '--stdout');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# manifest: /m);
    expect(r.out).toMatch(/^# Profile variables of site east:/m);
    expect(readTree(join(dir, 'dist'))['west/checks.json']).toMatch(/"site": "west"/);
  }, 60_000);
});
