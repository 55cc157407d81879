import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { formatAjvErrors, MESSAGE_KEYWORD } from './ajv-errors';

/** The JSON Schema of the Palette profile import format, written from docs/palette-profile-format.md. */
export const PROFILE_SCHEMA_PATH = join(__dirname, '..', '..', 'schema', 'palette-profile-import.schema.json');

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    // Strict mode keeps the schema honest (an unknown or misspelt keyword fails to compile; the
    // nested `then` parts name no type, hence strictTypes off);
    // verbose gives each error its parentSchema, where our x-message lives.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false });
    ajv.addKeyword({ keyword: MESSAGE_KEYWORD, schemaType: 'string' });
    compiled = ajv.compile(JSON.parse(readFileSync(PROFILE_SCHEMA_PATH, 'utf8')));
  }
  return compiled;
}

/**
 * Validates a profile JSON document (parsed) against the import-format schema.
 * @returns readable `path: message` lines; [] when the document is valid
 */
export function validateProfile(json: unknown): string[] {
  const validate = validator();
  return validate(json) ? [] : formatAjvErrors(validate.errors, json);
}
