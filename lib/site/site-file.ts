import { readFileSync } from 'fs';
import Ajv, { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { ValidationError } from '../common/errors';
import { SITE_SCHEMA } from './site-schema';
import { VmoSiteProps } from '../model/site-props';

let validator: ReturnType<Ajv['compile']> | undefined;

function schemaValidator() {
  if (!validator) validator = new Ajv({ allErrors: true, strict: true }).compile(SITE_SCHEMA);
  return validator;
}

/** `network.mgmt.cidr` style path of an ajv error. */
function errorPath(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : '';
  return [base, extra].filter(Boolean).join('.') || '(top level)';
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'is not a known setting: check the spelling against the site schema';
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return e.message ?? 'is invalid';
  }
}

/** Validates plain data as a site description; throws one line per problem, naming `source` and the path. */
export function validateSiteData(data: unknown, source: string): VmoSiteProps {
  const validate = schemaValidator();
  if (!validate(data)) {
    const seen = new Set<string>();
    const lines = (validate.errors ?? [])
      .map((e) => `${source}: ${errorPath(e)} ${describe(e)}`)
      .filter((l) => !seen.has(l) && (seen.add(l), true));
    throw new ValidationError(lines.join('\n'));
  }
  return data as VmoSiteProps;
}

/** Parses a site YAML text strictly (no duplicate keys) and validates it against the schema. */
export function parseSiteYaml(text: string, source: string): VmoSiteProps {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ValidationError(`${source}:${pos.line}:${pos.col}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  return validateSiteData(doc.toJS(), source);
}

/** Reads and validates a site YAML file. */
export function loadSiteFile(path: string): VmoSiteProps {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ValidationError(`${path}: cannot read the site file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseSiteYaml(text, path);
}
