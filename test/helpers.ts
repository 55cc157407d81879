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
