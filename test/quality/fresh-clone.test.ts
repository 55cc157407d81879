import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync, symlinkSync, unlinkSync } from 'fs';
import { dirname, join } from 'path';
import { REPO_ROOT, tempDirs } from '../helpers';

/**
 * Issue 11: `git clone <repo> && npm ci && npm test` passes on a machine with nothing next to
 * the checkout. This clones the repository into a temporary folder with no `shared` sibling,
 * links this checkout's node_modules into it, and runs there the suites that used to read
 * ../shared. It also checks that no committed source, test or config reads ../shared.
 *
 * It tests the committed HEAD, not the working tree: commit before running it.
 */

/** The suites that read ../shared before imports/schemas and the export shapes existed. */
const FORMERLY_SHARED_SUITES = ['test/quality/schema.test.ts', 'test/quality/property.test.ts', 'test/packs/portworx.test.ts', 'test/palette/profile-format.test.ts'];

/** What may not read ../shared at build, test or run time. */
const CHECKED_PATHS = ['lib', 'test', 'bin', 'apps', 'bench', 'scripts', 'package.json', 'jest.config.js'];

/** Set for the jest run inside the clone, so that this file never clones from a clone. */
const INSIDE_CLONE = 'PALETTE_VMO_FRESH_CLONE';

const tempDir = tempDirs('fresh-clone-');
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/**
 * Lines of `text` that point at ../shared: a `../shared` path, or `'shared'` as a segment given
 * to join()/resolve() or following `'..'`. Comments are skipped; in scripts/ so are `DEFAULT_…`
 * constants, a generator's default source.
 */
function sharedReferences(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/(^|\s)\/\/.*$/, '').trim();
    if (code === '' || /^(\/\*|\*|#)/.test(code)) return;
    if (file.startsWith('scripts/') && /^(export\s+)?const\s+DEFAULT_\w+\s*=/.test(code)) return;
    const segment = /(\bjoin|\bresolve)\([^)]*['"`]shared['"`]|['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/;
    if (/\.\.[\\/]+shared\b/.test(code) || segment.test(code)) out.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return out;
}

(process.env[INSIDE_CLONE] ? describe.skip : describe)('a fresh clone with no ../shared', () => {
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

  test('is the committed HEAD, in a folder with no shared sibling', () => {
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(git(REPO_ROOT, 'rev-parse', 'HEAD'));
    expect(existsSync(join(dirname(clone), 'shared'))).toBe(false);
    expect(existsSync(join(clone, 'imports', 'schemas', 'index.json'))).toBe(true);
  });

  test('runs the suites that used to need ../shared, and they pass', () => {
    const run = spawnSync('npx', ['--no', 'jest', '--ci', '--maxWorkers=2', ...FORMERLY_SHARED_SUITES], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, [INSIDE_CLONE]: '1' },
      timeout: 480_000,
    });
    const report = `${run.stdout}\n${run.stderr}`;
    expect({ status: run.status, error: run.error?.message, tail: run.status === 0 ? '' : report.slice(-4000) }).toEqual({ status: 0, error: undefined, tail: '' });
    expect(report).toMatch(new RegExp(`Test Suites: ${FORMERLY_SHARED_SUITES.length} passed, ${FORMERLY_SHARED_SUITES.length} total`));
    expect(report).not.toMatch(/skipped/);
  }, 600_000);

  test('no committed source, test or config reads ../shared', () => {
    const files = git(clone, 'ls-files', '-z', '--', ...CHECKED_PATHS)
      .split('\0')
      .filter((f) => f !== '' && f !== 'test/quality/fresh-clone.test.ts'); // this file names the patterns
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => sharedReferences(f, readFileSync(join(clone, f), 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('sharedReferences', () => {
  test('finds a ../shared path or a shared path segment in code, not in comments or a default source', () => {
    const js = [
      "const a = join(__dirname, '..', '..', '..', 'shared', 'crds');",
      "read('../shared/x');",
      "const b = resolve(ROOT, 'shared');",
      '// read ../shared',
      ' * from ../shared',
      'ok(); // ../shared',
      "{ name: 'VSPHERE_INSTALL_MODE', value: 'shared' },",
    ];
    expect(sharedReferences('test/x.ts', js.join('\n'))).toEqual([`test/x.ts:1: ${js[0]}`, `test/x.ts:2: ${js[1]}`, `test/x.ts:3: ${js[2]}`]);
    const script = "const DEFAULT_EXPORTS_DIR = join(ROOT, '..', 'shared', 'reference');";
    expect(sharedReferences('scripts/gen.ts', script)).toEqual([]);
    expect(sharedReferences('lib/gen.ts', script)).toHaveLength(1);
  });
});
