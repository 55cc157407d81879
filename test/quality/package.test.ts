import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { REPO_ROOT } from '../helpers';

/**
 * What `npm pack` ships (the files npm lists for the package, from the build that `prepare`
 * made): compiled JavaScript for the library, the command line and the imports, the pack
 * catalog, the site schema and the LICENSE; no TypeScript sources of imports/, no build
 * leftovers. A scratch consumer install was checked by hand (README "Using the package").
 */
interface PackageJson {
  readonly bin: Record<string, string>;
  readonly main: string;
  readonly exports: Record<string, string | Record<string, string>>;
  readonly scripts: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

function packedFiles(): string[] {
  if (!existsSync(join(REPO_ROOT, 'build', 'lib', 'index.js'))) throw new Error('build/ is missing: run npm run build (npm ci runs it through prepare)');
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

describe('the npm package', () => {
  test('ships compiled JavaScript, the catalog, the schema and the LICENSE, and no build leftovers', () => {
    const files = packedFiles();
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'build/bin/palette-vmo.js', 'build/lib/index.js', 'build/lib/cli/run-cli.js', 'schema/site.schema.json', 'build/imports/k8s.cni.cncf.io.js', 'build/imports/k8s.cni.cncf.io.d.ts', 'build/pack-cache/cni-cilium-oss/1.17.4/values.json']));
    expect(files.some((f) => f.startsWith('packs/') && f.endsWith('/values.yaml'))).toBe(true);
    expect(files.filter((f) => /\.tsbuildinfo$|^build\/(apps|test)\/|^build\/bin\/synth\.|^imports\/|^(lib|bin|test|apps|dist)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    expect(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  });

  test('the bin, the main entry and every exports target are in the package; prepare builds', () => {
    const files = new Set(packedFiles());
    expect(files.has(pkg.bin['palette-vmo'])).toBe(true);
    expect(readFileSync(join(REPO_ROOT, pkg.bin['palette-vmo']), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(files.has(pkg.main)).toBe(true);
    expect(pkg.scripts.prepare).toBe('npm run build');
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const target of targets) {
      const pattern = new RegExp(`^${target.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace('*', '.+')}$`);
      expect([target, [...files].some((f) => pattern.test(f)) || target === './package.json']).toEqual([target, true]);
    }
  });

  test('the imports subpath resolves to compiled JavaScript under plain Node', () => {
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require.resolve('cdk8s-palette-vmo/imports/k8s.cni.cncf.io'))"], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(join(REPO_ROOT, 'build', 'imports', 'k8s.cni.cncf.io.js'));
  });

  test("the compiled command line runs this repository's TypeScript app programs as their compiled twins (npm run synth)", () => {
    expect(pkg.scripts.synth).toBe('npm run build --silent && node build/bin/synth.js');
    expect(existsSync(join(REPO_ROOT, 'build', 'apps', 'ra-reference.js'))).toBe(true);
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'build', 'bin', 'palette-vmo.js'), 'validate', '--json', join(REPO_ROOT, 'apps', 'example-minimal.ts')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { sites: string[] }).sites).toEqual(['example-minimal']);
  }, 30_000);

  test("the README's app example, as a TypeScript program of your own beside apps/, runs with the compiled command line (one copy of the library)", () => {
    const example = /## Writing a site[\s\S]*?```ts\n([\s\S]*?)```/.exec(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'))?.[1];
    expect(example).toContain("from '../lib'");
    const dir = mkdtempSync(join(REPO_ROOT, '.readme-app-'));
    try {
      writeFileSync(join(dir, 'lab.ts'), example as string);
      const r = spawnSync(process.execPath, [join(REPO_ROOT, 'build', 'bin', 'palette-vmo.js'), 'validate', '--json', join(dir, 'lab.ts')], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(r.stderr).not.toMatch(/outside every site/);
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as { sites: string[] }).sites).toEqual(['lab-east']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
