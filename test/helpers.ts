import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { isValidationError, PackJson, ProfileLayer, PRESET_HEADER_PREFIX } from '../lib/palette';

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
  return { json, values: parse(json.values, { version: '1.1' }) ?? {}, presets, manifests };
}

/** Runs `fn`, asserts it throws a ValidationError (a user mistake, not a bug), and returns it. */
export function validationError(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    expect(isValidationError(e)).toBe(true);
    return e as Error;
  }
  throw new Error('expected a ValidationError');
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
