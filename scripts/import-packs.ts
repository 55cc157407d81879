/*
 * Writes the built-in pack catalog from the pack reference files, as `npm run import` does for
 * CRDs:
 *
 *   npm run import:packs -- [--check] [source] [dest]
 *
 * source (default `../shared/reference/packs`) holds `<pack>/<version>/` folders of published
 * pack files and a SOURCES.md; dest (default `packs/`) receives
 * `<pack>/<version>/{values.yaml, presets.yaml?, schema.yaml?, pack.json?}` in the catalog's
 * form (scripts/pack-files.ts) and a README.md. Every file is checked to hold the same data
 * as its source (YAML 1.1 and 1.2 readings) before anything is written.
 *
 * --check writes nothing: it fails when dest differs from what the generator would write, so
 * CI (or a reviewer) can confirm that the committed catalog matches its sources.
 *
 * This is the only code that reads the reference folder; build, test and synth read `packs/`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative, sep } from 'path';
import { isValidationError } from '../lib/common/errors';
import { PackCatalog, parsePresetsYaml } from '../lib/palette/pack-catalog';
import { addBlocks, CATALOG_FILES, CatalogFile, dataDifferences, normalizePackFile, packFileData, presetHeaderLine, withoutPresetHeader, yamlComments } from './pack-files';
import { CatalogVersion, readSources, renderCatalogReadme } from './pack-sources';

const USAGE = 'usage: npm run import:packs -- [--check] [source folder] [catalog folder]';

interface Generated {
  /** Catalog-relative path (forward slashes) -> file content. */
  readonly files: Map<string, string>;
  /** Source files not carried into the catalog. */
  readonly skipped: string[];
}

/** The published pack files beside the project (only this generator reads them). */
const DEFAULT_SOURCE = '../shared/reference/packs';

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const args = argv.filter((a) => a !== '--check');
  if (args.some((a) => a.startsWith('-')) || args.length > 2) {
    console.error(USAGE);
    return 2;
  }
  const [source = DEFAULT_SOURCE, dest = 'packs'] = args;
  if (!existsSync(source) || !statSync(source).isDirectory()) {
    console.error(`source folder '${source}' not found: give the folder of <pack>/<version>/ reference files (${USAGE})`);
    return 1;
  }
  const generated = generate(source);
  if (check) return checkCatalog(generated, dest);
  writeCatalog(generated, dest);
  console.log(`wrote ${generated.files.size} files to ${dest}`);
  for (const f of generated.skipped) console.log(`not carried (the catalog holds ${CATALOG_FILES.join(', ')} only): ${f}`);
  return 0;
}

/** The catalog's files, each checked against its source. */
function generate(source: string): Generated {
  // The library's own reader validates the source folders (values.yaml present, presets
  // well-formed, pack.json naming its folder) with the messages a user would see.
  const catalog = PackCatalog.fromDirectory(source);
  const sourcesFile = join(source, 'SOURCES.md');
  const sources = readSources(existsSync(sourcesFile) ? readFileSync(sourcesFile, 'utf8') : '');
  const files = new Map<string, string>();
  const versions: CatalogVersion[] = [];
  const skipped: string[] = [];
  for (const pack of catalog.packs()) {
    for (const version of catalog.versions(pack)) {
      catalog.require(pack, version);
      const folder = join(source, pack, version);
      const sizes = new Map<string, number>();
      for (const file of CATALOG_FILES) {
        const path = join(folder, file);
        if (!existsSync(path)) continue;
        const text = readFileSync(path, 'utf8');
        const out = normalizePackFile(file, text, path);
        verify(file, text, out, path);
        files.set(`${pack}/${version}/${file}`, out);
        sizes.set(file, Buffer.byteLength(out));
      }
      skipped.push(...walk(folder).filter((f) => !(CATALOG_FILES as readonly string[]).includes(f)).map((f) => `${pack}/${version}/${f}`));
      versions.push({ pack, version, files: sizes });
    }
  }
  files.set('README.md', renderCatalogReadme(versions, sources, skipped));
  return { files, skipped };
}

/** Fails unless the catalog form holds the source's data and enabled-presets header, has no other comments, and is stable. */
function verify(file: CatalogFile, source: string, out: string, where: string): void {
  const problems: string[] = [];
  for (const version of ['1.1', '1.2'] as const) {
    const diff = dataDifferences(packFileData(file, source, version), packFileData(file, out, version));
    problems.push(...diff.slice(0, 5).map((d) => `YAML ${version} data differs at ${d}`));
  }
  if (file === 'presets.yaml') {
    const diff = dataDifferences(parsePresetsYaml(source, where), parsePresetsYaml(out, where));
    problems.push(...diff.slice(0, 5).map((d) => `presets read differently at ${d}`));
  }
  const data = file === 'values.yaml' ? withoutPresetHeader(out) : out;
  if (file !== 'pack.json' && [data, ...addBlocks(file, out)].some((text) => yamlComments(text).length)) problems.push('comments remain');
  if (file === 'values.yaml' && presetHeaderLine(source) !== presetHeaderLine(out)) problems.push('the enabled-presets header differs');
  if (normalizePackFile(file, out, where) !== out) problems.push('writing the output again changes it');
  if (problems.length) throw new Error(`${where}: the catalog form is wrong (a generator bug): ${problems.join('; ')}`);
}

/** Files under a folder, relative to it, with forward slashes. */
function walk(folder: string, root = folder): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((f) => {
      const path = join(folder, f);
      return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path).split(sep).join('/')];
    });
}

function writeCatalog(generated: Generated, dest: string): void {
  for (const [rel, content] of generated.files) {
    const path = join(dest, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  // Remove what an earlier run wrote for versions that are gone; leave anything else alone.
  if (!existsSync(dest)) return;
  for (const rel of walk(dest)) {
    const name = rel.split('/').pop() ?? '';
    if (!generated.files.has(rel) && (CATALOG_FILES as readonly string[]).includes(name) && rel.split('/').length === 3) {
      rmSync(join(dest, rel));
      console.log(`removed stale ${rel}`);
    }
  }
  removeEmptyFolders(dest);
}

function removeEmptyFolders(folder: string): void {
  for (const f of readdirSync(folder)) {
    const path = join(folder, f);
    if (!statSync(path).isDirectory()) continue;
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}

/** 0 when dest holds exactly the generated files, byte for byte. */
function checkCatalog(generated: Generated, dest: string): number {
  const present = existsSync(dest) ? walk(dest) : [];
  const problems: string[] = [];
  for (const [rel, content] of generated.files) {
    const path = join(dest, rel);
    if (!existsSync(path)) problems.push(`${path}: missing`);
    else if (readFileSync(path, 'utf8') !== content) problems.push(`${path}: differs from what the generator writes`);
  }
  for (const rel of present) if (!generated.files.has(rel)) problems.push(`${join(dest, rel)}: not written by the generator`);
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`the pack catalog in ${dest} is out of date: run npm run import:packs`);
    return 1;
  }
  console.log(`${dest}: ${generated.files.size} files match their sources (data checked in YAML 1.1 and 1.2)`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!isValidationError(e)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
