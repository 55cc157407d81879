import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, unlinkSync } from 'fs';
import { dirname, join } from 'path';
import { REPO_ROOT, tempDirs } from '../helpers';

/**
 * Issue 11: `git clone <repo> && npm ci && npm test` passes on a machine with nothing next to
 * the checkout. This clones the repository into a temporary folder that holds nothing else,
 * links this checkout's node_modules into it, and runs there the suites that once read the
 * workspace's reference folders beside the checkout. It also checks that no committed source,
 * test or config reads anything outside the checkout (generators in scripts/ may name a
 * default source there: their output is committed).
 *
 * It tests the committed HEAD, not the working tree: commit before running it.
 */

/** The suites that read files beside the checkout before imports/schemas and the export shapes existed. */
const FORMERLY_OUTSIDE_SUITES = ['test/quality/schema.test.ts', 'test/quality/property.test.ts', 'test/packs/portworx.test.ts', 'test/palette/profile-format.test.ts'];

/** What may not read outside the checkout at build, test or run time. */
const CHECKED_PATHS = ['lib', 'test', 'bin', 'apps', 'bench', 'scripts', 'package.json', 'jest.config.js'];

/** Set for the jest run inside the clone, so that this file never clones from a clone. */
const INSIDE_CLONE = 'PALETTE_VMO_FRESH_CLONE';

const tempDir = tempDirs('fresh-clone-');
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A path built from the repository root and `'..'`: `join(ROOT, '..', ...)`. */
const FROM_ROOT_UP = /\b(?:join|resolve)\(\s*(?:ROOT|REPO_ROOT|root|packageRoot\(\))\s*,\s*['"`]\.\.['"`]/;
/** `join(__dirname, '..', '..', ...)`: group 1 holds the `'..'` segments. */
const FROM_DIRNAME_UP = /\b(?:join|resolve)\(\s*__dirname((?:\s*,\s*['"`]\.\.['"`])+)/;
/** A relative path text: group 1 holds its leading `../` steps. */
const RELATIVE_UP = /['"`]((?:\.\.\/)+)/g;

/**
 * Lines of `text` (the committed file `file`) that point outside the checkout: a path from the
 * repository root going up, or from the file's folder (`__dirname`, a relative path) going up more
 * folders than the file is deep. Comments are skipped; in scripts/ so are `DEFAULT_…` constants,
 * a generator's default source.
 */
function outsideReferences(file: string, text: string): string[] {
  const depth = file.split('/').length - 1;
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/(^|\s)\/\/.*$/, '').trim();
    if (code === '' || /^(\/\*|\*|#)/.test(code)) return;
    if (file.startsWith('scripts/') && /^(export\s+)?const\s+DEFAULT_\w+\s*=/.test(code)) return;
    const fromDirname = FROM_DIRNAME_UP.exec(code)?.[1].split('..').length ?? 1;
    const relative = Math.max(0, ...[...code.matchAll(RELATIVE_UP)].map((m) => m[1].length / 3));
    if (FROM_ROOT_UP.test(code) || fromDirname - 1 > depth || relative > depth) out.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return out;
}

(process.env[INSIDE_CLONE] ? describe.skip : describe)('a fresh clone, with nothing beside it', () => {
  let clone = '';

  beforeAll(() => {
    clone = join(tempDir(), 'repo');
    git(REPO_ROOT, 'clone', '--quiet', '--no-hardlinks', REPO_ROOT, clone);
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  });

  afterAll(() => {
    // Remove the link before tempDirs removes the folder, so nothing can follow it into our node_modules.
    if (clone !== '' && existsSync(join(clone, 'node_modules'))) unlinkSync(join(clone, 'node_modules'));
  });

  test('is the committed HEAD, in a folder that holds nothing else', () => {
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(git(REPO_ROOT, 'rev-parse', 'HEAD'));
    expect(readdirSync(dirname(clone))).toEqual(['repo']);
    expect(existsSync(join(clone, 'imports', 'schemas', 'index.json'))).toBe(true);
  });

  test('runs the suites that once read beside the checkout, and they pass', () => {
    const run = spawnSync('npx', ['--no', 'jest', '--ci', '--maxWorkers=2', ...FORMERLY_OUTSIDE_SUITES], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, [INSIDE_CLONE]: '1' },
      timeout: 480_000,
    });
    const report = `${run.stdout}\n${run.stderr}`;
    expect({ status: run.status, error: run.error?.message, tail: run.status === 0 ? '' : report.slice(-4000) }).toEqual({ status: 0, error: undefined, tail: '' });
    expect(report).toMatch(new RegExp(`Test Suites: ${FORMERLY_OUTSIDE_SUITES.length} passed, ${FORMERLY_OUTSIDE_SUITES.length} total`));
    expect(report).not.toMatch(/skipped/);
  }, 600_000);

  test('no committed source, test or config reads outside the checkout', () => {
    const files = git(clone, 'ls-files', '-z', '--', ...CHECKED_PATHS)
      .split('\0')
      .filter((f) => f !== '' && f !== 'test/quality/fresh-clone.test.ts'); // this file names the patterns
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => outsideReferences(f, readFileSync(join(clone, f), 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('outsideReferences', () => {
  test('finds a path that climbs out of the checkout, not one that stays inside, nor one in a comment or a default source', () => {
    const code = [
      "const a = join(__dirname, '..', '..', '..', 'reference', 'crds');",
      "read('../../../reference/x');",
      "const b = resolve(REPO_ROOT, '..', 'reference');",
      "const ok = join(__dirname, '..', '..', 'packs');",
      "import { PaletteApp } from '../../lib';",
      '// read ../../../reference',
      ' * from ../../../reference',
      "ok(); // join(ROOT, '..')",
      "{ name: 'VSPHERE_INSTALL_MODE', value: 'x' },",
    ];
    expect(outsideReferences('test/quality/x.ts', code.join('\n'))).toEqual(code.slice(0, 3).map((l, i) => `test/quality/x.ts:${i + 1}: ${l}`));
    // One folder deeper, three steps up stay inside.
    expect(outsideReferences('test/quality/deeper/x.ts', code[1])).toEqual([]);
    const script = "const DEFAULT_EXPORTS_DIR = join(ROOT, '..', 'reference', 'palette-exports');";
    expect(outsideReferences('scripts/gen.ts', script)).toEqual([]);
    expect(outsideReferences('lib/gen.ts', script)).toHaveLength(1);
  });
});
