import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { parse } from 'yaml';
import { IConstruct } from 'constructs';
import { isValidationError, PackJson, PaletteApp, parseValidationMessage, ProfileLayer, PRESET_HEADER_PREFIX, SynthError } from '../lib/palette';

/** A rendered layer, with its values parsed back for key-by-key assertions. */
export interface RenderedLayer {
  readonly json: PackJson;
  /** The values YAML parsed (YAML 1.1, as Palette reads it). */
  readonly values: any;
  /** The enabled presets as `group:name` strings, from the header line; [] without header. */
  readonly presets: string[];
  /** Each manifest's documents parsed, by manifest name. */
  readonly manifests: Record<string, any[]>;
}

export function renderLayer(layer: ProfileLayer): RenderedLayer {
  const json = layer.toJson();
  const first = json.values.split('\n')[0];
  const presets = first.startsWith(PRESET_HEADER_PREFIX) ? first.slice(PRESET_HEADER_PREFIX.length).split(',') : [];
  const manifests: Record<string, any[]> = {};
  for (const m of json.manifests ?? []) {
    manifests[m.name] = m.content.split(/^---$/m).map((d) => parse(d, { version: '1.1' })).filter((d) => d != null);
  }
  // A typed reference written unquoted (`maxStorageNodes: {{.spectro.var.x}}`) is read as its text, as Palette
  // substitutes it before anything parses the values.
  const values = json.values.replace(/(?<=: |- )(\{\{\s*\.spectro\.var\.[A-Za-z0-9_.-]+\s*\}\})$/gm, "'$1'");
  return { json, values: parse(values, { version: '1.1' }) ?? {}, presets, manifests };
}

/**
 * Runs `fn` and returns how the input was refused: the ValidationError it throws (a user
 * mistake, not a bug), or, when it returns a construct, the validations that construct and its
 * children report (`node.addValidation`, with any `[RULE-ID]` tag stripped), as one error.
 */
export function validationError(fn: () => unknown): Error {
  let made: unknown;
  try {
    made = fn();
  } catch (e) {
    expect(isValidationError(e)).toBe(true);
    return e as Error;
  }
  const messages = isConstruct(made) ? made.node.findAll().flatMap((c) => c.node.validate()).map((m) => parseValidationMessage(m).message) : [];
  if (messages.length) return new Error(messages.join('\n'));
  throw new Error('expected a ValidationError or a failing construct validation');
}

/** The rule ids and messages of the validations a construct and its children report. */
export function ruleChecks(c: IConstruct): [string, string][] {
  return c.node.findAll().flatMap((x) => x.node.validate()).map((m) => {
    const p = parseValidationMessage(m);
    return [p.ruleId, p.message];
  });
}

function isConstruct(x: unknown): x is IConstruct {
  return typeof x === 'object' && x !== null && 'node' in x;
}

/**
 * Temporary folders for one test file: `tempDir()` gives a new empty folder, all of them inside
 * one `<os temp>/<prefix>XXXXXX` root that is removed after the file's tests (afterAll), so
 * `npm test` leaves nothing behind, not even the `.X.tmp-PID` siblings a synth may create next
 * to its output folder. Call at the top level of a test file (or of a describe block).
 */
export function tempDirs(prefix: string): () => string {
  let root: string | undefined;
  let count = 0;
  afterAll(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });
  return () => {
    root ??= mkdtempSync(join(tmpdir(), prefix));
    const dir = join(root, String(++count));
    mkdirSync(dir);
    return dir;
  };
}

/** The repository root. */
export const REPO_ROOT = join(__dirname, '..');

/**
 * A file `npm run import` generates and the repository commits (imports/schemas/*,
 * test/fixtures/palette-export-shapes.json), parsed. A missing one fails loudly, naming the
 * file and the fix, rather than letting a test skip or pass on nothing.
 */
export function readGeneratedJson(path: string): unknown {
  if (!existsSync(path)) throw new Error(`${relative(REPO_ROOT, path)} is missing: run npm run import (and commit what it writes)`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The structure of real Palette profile exports, values replaced by placeholders (scripts/import-schemas.ts). */
export const PALETTE_EXPORT_SHAPES_PATH = join(REPO_ROOT, 'test', 'fixtures', 'palette-export-shapes.json');

/** What the tests read of an exported profile; other keys are there but untyped. */
export interface ExportedProfile {
  readonly metadata: Record<string, unknown>;
  readonly spec: {
    readonly template: { readonly packs: ExportedPack[] } & Record<string, unknown>;
    readonly variables?: Record<string, unknown>[];
  } & Record<string, unknown>;
}

export interface ExportedPack {
  readonly type: string;
  readonly registry: { readonly metadata: Record<string, unknown> };
  readonly manifests?: Record<string, unknown>[];
  readonly [key: string]: unknown;
}

/** The real exports' shapes, by export file name (`terraform-provider-spectrocloud__profile_import.json`). */
export function paletteExportShapes(): Record<string, ExportedProfile> {
  const shapes = (readGeneratedJson(PALETTE_EXPORT_SHAPES_PATH) as { exports?: Record<string, ExportedProfile> }).exports;
  if (shapes === undefined || Object.keys(shapes).length === 0) throw new Error(`${relative(REPO_ROOT, PALETTE_EXPORT_SHAPES_PATH)} holds no export: run npm run import`);
  return shapes;
}

/** Runs `app.synth()` (quiet), or `run`, which must stop with a SynthError (nothing written); returns it. */
export function synthError(subject: PaletteApp | (() => unknown)): SynthError {
  let error: unknown;
  try {
    if (subject instanceof PaletteApp) subject.synth({ quiet: true });
    else subject();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SynthError);
  return error as SynthError;
}
