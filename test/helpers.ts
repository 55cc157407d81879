import { parse } from 'yaml';
import { IConstruct } from 'constructs';
import { isValidationError, PackJson, parseValidationMessage, ProfileLayer, PRESET_HEADER_PREFIX } from '../lib/palette';

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
