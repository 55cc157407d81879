import { spawnSync } from 'child_process';
import { join } from 'path';
import { stripVTControlCharacters } from 'util';

const ROOT = join(__dirname, '..', '..');

/** Runs dependency-cruiser with the project's rules on a folder; returns its exit code and report. */
function cruise(cwd: string): { code: number; report: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'lib', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err', '--ts-config', join(ROOT, 'tsconfig.json')], {
    cwd,
    encoding: 'utf8',
    // CI terminals may force colour; the report is read as plain text.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, report: stripVTControlCharacters(`${r.stdout}${r.stderr}`) };
}

describe('dependency direction (ARCHITECTURE.md)', () => {
  test('lib/ imports only downwards and has no cycle', () => {
    const r = cruise(ROOT);
    expect(r.report).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  }, 60_000);

  test('fails on a deliberate cycle that also runs against the direction (a fixture)', () => {
    const r = cruise(join(ROOT, 'test', 'fixtures', 'dependency-cycle'));
    expect(r.code).not.toBe(0);
    expect(r.report).toContain('no-circular: lib/palette/a.ts');
    expect(r.report).toContain('layer-palette: lib/palette/a.ts → lib/site/b.ts');
  }, 60_000);
});
