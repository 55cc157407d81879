import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { findPackage } from '../../lib/common/package-root';
import { REPO_ROOT, tempDirs } from '../helpers';

/**
 * The installed command line, build/bin/palette-vmo.js, is the library and the command line
 * bundled into one file (scripts/bundle-cli.ts, run by `npm run build`): what it loads besides
 * itself, one copy of the library for the app programs it runs, worker threads on the same file.
 */
const CLI = join(REPO_ROOT, 'build', 'bin', 'palette-vmo.js');
const SITE = join(REPO_ROOT, 'sites', 'two-nic.yaml');
const tempDir = tempDirs('palette-vmo-bundled-');

/** Runs the bundled command line; `loaded` is every module file the process loaded, relative to the repository. */
function runBundled(args: string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const record = join(tempDir(), 'loaded.json');
  const probe = join(tempDir(), 'probe.js');
  writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const r = spawnSync(process.execPath, ['--require', probe, CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  const loaded = (JSON.parse(readFileSync(record, 'utf8')) as string[]).map((f) => relative(REPO_ROOT, f));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

/** An app program in a scratch folder inside the repository, so that it can require this package by name. */
function withProgram<T>(source: string, run: (program: string) => T): T {
  const dir = mkdtempSync(join(REPO_ROOT, '.bundled-cli-'));
  try {
    const program = join(dir, 'lab.js');
    writeFileSync(program, source);
    return run(program);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LAB_SITE = `{ siteName: 'lab', network: { mgmt: { vlan: 10, cidr: '10.10.0.0/24', gateway: '10.10.0.1' }, data: { vlan: 20, cidr: '10.20.0.0/24', gateway: '10.20.0.1' } } }`;

describe('the bundled command line (build/bin/palette-vmo.js)', () => {
  test('is one file: validating a site loads no module of build/lib, and cdk8s uses its yaml instead of loading its own copy', () => {
    expect(statSync(CLI).size).toBeGreaterThan(500_000); // the library is inside, not required from build/lib
    const r = runBundled(['validate', SITE, '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.loaded.filter((f) => f.startsWith('build/lib/'))).toEqual([]);
    expect(r.loaded).toContain('node_modules/cdk8s/lib/index.js');
    // cdk8s's copy of yaml is the same version as ours: only its entry point is there, given our copy.
    expect(r.loaded.filter((f) => f.startsWith('node_modules/cdk8s/node_modules/yaml/'))).toEqual(['node_modules/cdk8s/node_modules/yaml/dist/index.js']);
    expect(r.loaded.filter((f) => f.startsWith('node_modules/yaml/'))).toEqual([]);
  }, 60_000);

  test("gives an app program that requires 'cdk8s-palette-vmo' the library it runs, so the program's sites are its sites", () => {
    const r = withProgram(`const { VmoSite } = require('cdk8s-palette-vmo');\nmodule.exports = (app) => { new VmoSite(app, 'lab', ${LAB_SITE}); };\n`, (program) =>
      runBundled(['validate', '--json', program]),
    );
    expect(r.stderr).not.toMatch(/outside every site|internal error/);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { sites: string[] }).sites).toEqual(['lab']);
    // The name resolves to build/lib/index.js, which the command line answers with its own copy without loading the file's modules.
    expect(r.loaded.filter((f) => f.startsWith('build/lib/') && f !== 'build/lib/index.js')).toEqual([]);
  }, 60_000);

  test('refuses a program that imports a file inside the compiled library (a second copy of it), in one line that says what to import', () => {
    const r = withProgram(`const { VmoSite } = require('../build/lib/site/vmo-site');\nmodule.exports = (app) => { new VmoSite(app, 'lab', ${LAB_SITE}); };\n`, (program) =>
      runBundled(['validate', program]),
    );
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\.bundled-cli-\w+\/lab\.js: it imports build\/lib\/site\/vmo-site\.js, a file inside the library, which would be a second copy of it: import from 'cdk8s-palette-vmo'/);
  }, 60_000);

  test('runs its worker threads on the same file: a worker renders sites, and -j 2 writes the same bytes as -j 1', () => {
    // Twelve sites, so that the worker (which starts while the main thread renders) takes some.
    const dir = tempDir();
    const source = readFileSync(SITE, 'utf8');
    const sites = Array.from({ length: 12 }, (_, i) => {
      const file = join(dir, `s${i}.yaml`);
      writeFileSync(file, source.replace(/^name: .*$/m, `name: s${i}`).replace(/^profileNamePrefix: .*$/m, `profileNamePrefix: VMO-S${i}`));
      return file;
    });
    // Counts the sites worker threads report to the main thread.
    const counted = join(tempDir(), 'worker-sites.json');
    const probe = join(tempDir(), 'probe.js');
    writeFileSync(
      probe,
      `const { Worker, isMainThread } = require('worker_threads');\nif (isMainThread) {\n  let n = 0;\n  const emit = Worker.prototype.emit;\n` +
        `  Worker.prototype.emit = function (event, m, ...rest) { if (event === 'message' && m && m.kind === 'site') n++; return emit.call(this, event, m, ...rest); };\n` +
        `  process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(counted)}, String(n)));\n}\n`,
    );
    const one = tempDir();
    const two = tempDir();
    const r1 = spawnSync(process.execPath, [CLI, 'synth', ...sites, '-o', one, '-q', '-j', '1'], { encoding: 'utf8' });
    const r2 = spawnSync(process.execPath, ['--require', probe, CLI, 'synth', ...sites, '-o', two, '-q', '-j', '2', '--json'], { encoding: 'utf8' });
    expect(r1.status).toBe(0);
    expect(r2.stderr).not.toMatch(/internal error/);
    expect(r2.status).toBe(0);
    expect((JSON.parse(r2.stdout) as { jobs?: number }).jobs).toBe(2);
    expect(Number(readFileSync(counted, 'utf8'))).toBeGreaterThan(0);
    const files = (dir: string): Record<string, string> =>
      Object.fromEntries(
        (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
      );
    const written = files(one);
    expect(Object.keys(written).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(4);
    expect(files(two)).toEqual(written);
  }, 120_000);
});

describe('shareModule', () => {
  test('makes require(path) give the exports in plain Node, and leaves a module that is already loaded alone', () => {
    // jest has a module registry of its own: this runs in a Node process, on the compiled module.
    const dir = tempDir();
    const file = join(dir, 'on-disk.js');
    writeFileSync(file, 'module.exports = { fromDisk: true };\n');
    const script = [
      `const { shareModule } = require(${JSON.stringify(join(REPO_ROOT, 'build', 'lib', 'cli', 'shared-modules.js'))});`,
      `const shared = { shared: true };`,
      `const first = shareModule(${JSON.stringify(file)}, shared);`,
      `const same = require(${JSON.stringify(file)}) === shared;`,
      `const again = shareModule(${JSON.stringify(file)}, { other: true });`,
      `console.log(JSON.stringify({ first, same, again, still: require(${JSON.stringify(file)}) === shared }));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ first: true, same: true, again: false, still: true });
  });

  test('findPackage finds the package a module file belongs to, with its version', () => {
    const yamlDist = join(REPO_ROOT, 'node_modules', 'cdk8s', 'node_modules', 'yaml', 'dist');
    const expected = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'cdk8s', 'node_modules', 'yaml', 'package.json'), 'utf8')) as { version: string }).version;
    expect(findPackage(yamlDist, 'yaml')).toEqual({ root: join(REPO_ROOT, 'node_modules', 'cdk8s', 'node_modules', 'yaml'), version: expected });
    // Past yaml's own package.json up to the one of cdk8s.
    expect(findPackage(yamlDist, 'cdk8s')?.root).toBe(join(REPO_ROOT, 'node_modules', 'cdk8s'));
    expect(findPackage(yamlDist, 'no-such-package')).toBeUndefined();
  });
});
