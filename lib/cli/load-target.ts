import { existsSync, statSync } from 'fs';
import { isAbsolute, join, relative, resolve, sep } from 'path';
import { isValidationError, ValidationError } from '../common/errors';
import { PaletteApp } from '../palette/palette-app';
import { loadSiteFile } from '../site/site-file';
import { VmoSite } from '../site/vmo-site';
import { packageRoot } from '../common/package-root';
import { runsBundled } from './package-files';
import { shareLibrary } from './shared-modules';

/**
 * An app program: a module whose default export (or `build` export) adds sites to the app it
 * is given. The command line creates the app, so it decides where output goes and whether
 * anything is written; a program never calls `synth()` itself.
 *
 *     export default function (app: PaletteApp): void { new VmoSite(app, 'lab', { ... }); }
 */
export type AppBuilder = (app: PaletteApp) => void;

/** True for the file kinds the command line takes: site files and app programs. */
export function isTargetFile(path: string): boolean {
  return /\.(ya?ml|ts|js)$/.test(path);
}

/** How `addTarget` adds a site file's site. */
export interface AddTargetOptions {
  /**
   * Define a site file's site with `app.defineSite`, built only when it renders (a streaming
   * run), instead of constructing it now. The file is read and checked now either way.
   * @default false
   */
  readonly defer?: boolean;
  /** The names of the sites site files defined so far in this run (deferred ones included); the new one is added. @default none */
  readonly fileSiteNames?: Set<string>;
}

/** Adds the sites a site file or an app program defines to `app`. */
export function addTarget(app: PaletteApp, target: string, options: AddTargetOptions = {}): void {
  const path = resolve(target);
  if (!existsSync(path)) throw new ValidationError(`${target}: no such file`);
  if (statSync(path).isDirectory()) throw new ValidationError(`${target}: is a folder; give its site files or app programs`);
  if (/\.ya?ml$/.test(path)) {
    const props = loadSiteFile(target);
    const name = props.name ?? 'site';
    if (app.node.tryFindChild(name) || app.sites.some((s) => s.siteName === name) || options.fileSiteNames?.has(name)) {
      throw new ValidationError(`${target}: name '${name}' is already the name of another site of this run: each site needs its own name (it names the output folder)`);
    }
    options.fileSiteNames?.add(name);
    if (options.defer) app.defineSite((scope) => new VmoSite(scope, name, props));
    else new VmoSite(app, name, props);
    return;
  }
  if (!/\.(ts|js)$/.test(path)) throw new ValidationError(`${target}: is neither a site YAML file (.yaml) nor an app program (.ts/.js)`);
  const twin = path.endsWith('.ts') ? compiledTwin(target, path) : undefined;
  if (path.endsWith('.ts') && twin === undefined) registerTypeScript(target);
  oneLibraryCopy();
  programLoading = target;
  try {
    const mod = programStep(target, path, () => require(twin ?? path) as unknown);
    // `export default function`, `export function build`, or CommonJS `module.exports = function`.
    const exported = (typeof mod === 'object' && mod !== null ? mod : {}) as { default?: unknown; build?: unknown };
    const build = typeof exported.default === 'function' ? exported.default : typeof exported.build === 'function' ? exported.build : typeof mod === 'function' ? mod : undefined;
    if (!build) {
      throw new ValidationError(`${target}: an app program exports a function that adds sites to the app it is given: export default function (app: PaletteApp) { new VmoSite(app, ...) }`);
    }
    programStep(target, path, () => (build as AppBuilder)(app));
  } finally {
    programLoading = undefined;
  }
}

/** The app program being loaded, for messages about imports whose importer Node does not say (an ES module's). */
let programLoading: string | undefined;

/**
 * Runs an app program's code (loading it, or its function): a ValidationError of the library
 * passes through; anything the program throws (its own mistake, a TypeScript syntax error) is
 * one line naming the program and, where the stack shows it, the line in it. PALETTE_VMO_DEBUG=1
 * keeps the original error and its stack.
 */
function programStep<T>(target: string, path: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (isValidationError(e) || process.env.PALETTE_VMO_DEBUG === '1') throw e;
    // tsx (esbuild) reports a syntax error as `Transform failed with 1 error:` and `<file>:<l>:<c>: ERROR: <text>` lines.
    const lines = (e instanceof Error ? e.message : String(e)).split('\n');
    const syntax = lines.find((l) => l.includes(': ERROR: '));
    const message = syntax !== undefined ? `syntax error: ${syntax.slice(syntax.indexOf(': ERROR: ') + ': ERROR: '.length)}` : lines.find((l) => l.trim() !== '') ?? 'an error';
    const frame = e instanceof Error ? programFrame(e.stack, path) : undefined;
    throw new ValidationError(`${target}${frame ?? ''}: the app program failed: ${message.trim()} (PALETTE_VMO_DEBUG=1 shows the stack)`);
  }
}

/** `:line:column` of the first stack frame in the program's own file (its compiled twin's lines are not the source's). */
function programFrame(stack: string | undefined, path: string): string | undefined {
  for (const line of (stack ?? '').split('\n')) {
    const at = line.indexOf(path + ':');
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(line.slice(at + path.length));
    if (m) return `:${m[1]}:${m[2]}`;
  }
  return undefined;
}

/**
 * When the command line runs compiled (build/) and the program is one of this package's own
 * TypeScript sources (the repository's apps/), its compiled twin under build/, so that it uses
 * the compiled library's classes rather than a second, TypeScript copy of them. `npm run build`
 * compiles both (`npm run synth` builds first); a twin older than its source is refused.
 */
function compiledTwin(target: string, path: string): string | undefined {
  if (!__filename.endsWith('.js')) return undefined;
  const root = packageRoot();
  const rel = relative(root, path);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep)[0] === 'build') return undefined;
  const twin = join(root, 'build', rel.replace(/\.ts$/, '.js'));
  if (!existsSync(twin)) return undefined;
  if (statSync(twin).mtimeMs < statSync(path).mtimeMs) {
    throw new ValidationError(`${target}: its compiled form ${relative(process.cwd(), twin)} is older than the program: run npm run build`);
  }
  return twin;
}

let oneCopy = false;

/**
 * One copy of the library for the command line and the app programs it runs, so a program's
 * sites are the command line's sites:
 * - `require('cdk8s-palette-vmo')` and `'../lib'` (build/lib/index.js) give the library this code
 *   belongs to, also when the command line is one bundled file (shareLibrary);
 * - when the command line runs compiled, a TypeScript program's imports of this package's
 *   sources (`../lib`, as the README's example does in this repository) load their compiled
 *   twins; a twin older than its source is refused (run npm run build);
 * - when it runs bundled, an import of a file inside the compiled library (build/lib/site/...)
 *   is refused: it would load a second copy beside the bundle's.
 */
function oneLibraryCopy(): void {
  if (oneCopy) return;
  oneCopy = true;
  const root = packageRoot();
  shareLibrary(root, require('../index') as object);
  if (!__filename.endsWith('.js')) return; // from the TypeScript sources, programs import those too
  const sources = ['lib', 'imports'].map((d) => join(root, d) + sep);
  const compiledLib = join(root, 'build', 'lib') + sep;
  const bundled = runsBundled();
  const moduleApi = require('module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolveFilename = moduleApi._resolveFilename;
  moduleApi._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    const resolved = resolveFilename.call(this, request, ...rest);
    const importer = (rest[0] as { filename?: string } | undefined)?.filename;
    const program = importer ? relative(process.cwd(), importer) : programLoading ?? 'an app program';
    if (resolved.endsWith('.ts') && sources.some((s) => resolved.startsWith(s))) {
      const twin = join(root, 'build', relative(root, resolved)).replace(/\.ts$/, '.js');
      if (!existsSync(twin)) return resolved;
      if (statSync(twin).mtimeMs < statSync(resolved).mtimeMs) {
        throw new ValidationError(`${program}: it imports ${relative(process.cwd(), resolved)}, whose compiled form is older: run npm run build`);
      }
      return checked(twin);
    }
    return checked(resolved);

    function checked(file: string): string {
      if (bundled && file.startsWith(compiledLib) && file !== join(compiledLib, 'index.js') && !(importer ?? '').startsWith(compiledLib)) {
        throw new ValidationError(
          `${program}: it imports ${relative(process.cwd(), file)}, a file inside the library, which would be a second copy of it: import from 'cdk8s-palette-vmo' (in this repository '../lib'), its public API`,
        );
      }
      return file;
    }
  };
}

function registerTypeScript(target: string): void {
  if (require.extensions['.ts']) return; // already running under tsx or ts-node
  try {
    // tsx runs app programs written in TypeScript without a separate build step.
    (require('tsx/cjs/api') as { register: () => void }).register();
  } catch {
    throw new ValidationError(`${target}: running a TypeScript app program needs tsx: npm install --save-dev tsx, or compile the program to .js`);
  }
}
