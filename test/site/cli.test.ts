import { spawnSync } from 'child_process';
import { existsSync, readdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { tempDirs } from '../helpers';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const tempDir = tempDirs('cli-');

function cli(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'bin', 'palette-vmo.ts'), ...args], { encoding: 'utf8', env: { ...process.env, PALETTE_VMO_QUIET: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function siteFile(text: string): string {
  const dir = tempDir();
  const path = join(dir, 'site.yaml');
  writeFileSync(path, text);
  return path;
}

const GOOD = `name: cli-lab
network:
  layout: two-nic
  mgmt: { vlan: 10, cidr: 172.16.0.0/22 }
  data: { vlan: 20, cidr: 10.20.0.0/16, gateway: 10.20.30.1 }
profiles: { layout: full }
`;

describe('palette-vmo command line', () => {
  test('--help prints the commands and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/synth <site> \[-o dir\]/);
    expect(r.out).toMatch(/validate <site>/);
  });

  test('validate: a good site exits 0 and prints its findings table', () => {
    const r = cli('validate', siteFile(GOOD));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^site cli-lab: 0 error\(s\)/);
  });

  test('fails: validate explains a broken site and exits 1', () => {
    const r = cli('validate', siteFile(GOOD.replace('21-100', '').replace('layout: full }', 'layout: full }\nvmVlans: "10-100"')));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error\s+VLAN-002/);
    expect(r.out).toMatch(/\b10\b/);
  });

  test('fails: a malformed site file gives a one-line error naming the file, exit 1', () => {
    const path = siteFile('name: x\nnetwork: [\n');
    const r = cli('validate', path);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(path);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  test('fails: a schema violation names file and path, exit 1', () => {
    const path = siteFile(GOOD.replace('vlan: 10,', 'vlan: ten,'));
    const r = cli('synth', path, '-o', tempDir());
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${path}: network.mgmt.vlan must be integer`);
  });

  test('synth writes the site and nothing for a site with errors', () => {
    const out = tempDir();
    expect(cli('synth', siteFile(GOOD), '-o', out).code).toBe(0);
    expect(existsSync(join(out, 'cli-lab', 'profiles', 'VMO-RA-Full.json'))).toBe(true);
    const out2 = tempDir();
    const r = cli('synth', siteFile(GOOD.replace('172.16.0.0/22', '172.16.0.1/22')), '-o', out2);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/NET-001.*172\.16\.0\.1\/22/);
    expect(readdirSync(out2)).toEqual([]);
  });

  test('fails: unknown command is a usage error (exit 2)', () => {
    expect(cli('launch', 'x').code).toBe(2);
  });
});
