/**
 * The last step of `npm run build`: bundles each command line entry (bin/palette-vmo.ts,
 * bin/synth.ts) with the library into one file, build/bin/<name>.js, over tsc's compile of it.
 * Loading one file instead of some 300 modules is most of what starting `palette-vmo` costs
 * beyond Node itself (npm run bench: CLI start).
 *
 * Left outside the bundle, loaded from node_modules as usual: cdk8s and constructs (an app
 * program's own `import { Chart } from 'cdk8s'` must be the command line's copy), undici (only
 * the commands that talk to Palette load it), tsx and esbuild (only to run a TypeScript program),
 * and the cdk8s-imported classes (build/imports/*.js, which programs import too). The library
 * programs import is the bundle's own (lib/cli/shared-modules.ts: shareLibrary).
 */
import { build, Plugin } from 'esbuild';
import { basename, join, resolve, sep } from 'path';

const ROOT = resolve(__dirname, '..');
const ENTRIES = ['palette-vmo', 'synth'];
const EXTERNAL_PACKAGES = ['cdk8s', 'constructs', 'undici', 'tsx', 'esbuild'];

/** `../../imports/kubevirt.io` from anywhere in lib/ becomes `../imports/kubevirt.io`, from build/bin/. */
const compiledImports: Plugin = {
  name: 'compiled-imports',
  setup(b) {
    const imports = join(ROOT, 'imports') + sep;
    b.onResolve({ filter: /imports\// }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      return file.startsWith(imports) ? { path: `../imports/${basename(file)}`, external: true } : undefined;
    });
  },
};

async function main(): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, join(ROOT, 'bin', `${name}.ts`)])),
    outdir: join(ROOT, 'build', 'bin'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL_PACKAGES,
    plugins: [compiledImports],
    logLevel: 'warning',
    // The same bytes from the same sources: no build path or time inside.
    legalComments: 'none',
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`bundle-cli: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
