import { escapeRegExp } from '../common/regexp';
import { isMap } from 'yaml';
import { ValidationError } from '../common/errors';
import { parsePackYaml } from './pack-defaults';
import { isPlainObject, splitValuePath } from './values';

/*
 * A pack's `schema.yaml`: value constraints that Palette checks when a profile or cluster is
 * saved. Each key is the complete dotted path of a value; its `schema` is a template such as
 * `'{{ required | format "${string:/^[a-z]+$/}" | hints "..." }}'`.
 *
 * Source of the syntax: Spectro Cloud librarium `docs/docs-content/registries-and-packs/
 * pack-constraints.md` (commit 12d6babc, same text at fd8c61f4), "Pack Values Constraints":
 * - functions `required`, `readonly`, `format "<template>"`, `hints "a" "b"`, joined by `|`;
 * - a format template is literal text and `${TYPE}` / `${TYPE:/REGEX/}` / `${number:[MIN-MAX]}`
 *   / `${list:[A,B,C]}` placeholders (`${ipv4} - ${ipv4}`), TYPE one of string, number,
 *   boolean, password, list, ipv4, version; regexes are RE2;
 * - `$[]` in a path stands for every element of a list (`registry.addresses.$[]`).
 * What the docs leave open is marked [inferred] where it is decided below.
 */

/** A value type of a format template (pack-constraints.md "Format Types"). */
export type SchemaFormatType = 'string' | 'number' | 'boolean' | 'password' | 'list' | 'ipv4' | 'version';

const FORMAT_TYPES: readonly SchemaFormatType[] = ['string', 'number', 'boolean', 'password', 'list', 'ipv4', 'version'];

/** One `${...}` of a format template. */
export interface FormatPlaceholder {
  readonly type: SchemaFormatType;
  /** `${string:/REGEX/}`: an RE2 expression the text must contain a match of. */
  readonly regex?: string;
  /** `${number:[MIN-MAX]}`: inclusive bounds. */
  readonly range?: { readonly min: number; readonly max: number };
  /** `${list:[A,B,C]}`: the allowed values. */
  readonly options?: readonly string[];
}

/** A parsed `format "..."` template: literal text and placeholders, in order. */
export interface SchemaFormat {
  /** As written, e.g. `${ipv4} - ${ipv4}`. */
  readonly template: string;
  readonly parts: readonly (string | FormatPlaceholder)[];
}

/** The constraints schema.yaml puts on one value path. */
export interface SchemaConstraint {
  /** The path as written, e.g. `charts.portworx-generic.azureSecret.clientSecret`. */
  readonly path: string;
  readonly required: boolean;
  /** The UI does not let the value be edited. */
  readonly readonly: boolean;
  readonly format?: SchemaFormat;
  /** The UI's help texts. */
  readonly hints: readonly string[];
}

/** A value that breaks a constraint, or schema syntax this library cannot check. */
export interface SchemaProblem {
  /** The value path, with list indexes for `$[]` (`registry.addresses[1]`). */
  readonly path: string;
  /** `schema` means the schema.yaml itself, not the values. */
  readonly rule: 'required' | 'format' | 'readonly' | 'schema';
  /** One line: the path, what is wrong and the fix. */
  readonly message: string;
}

/** The parsed schema.yaml of one pack version. */
export class PackSchema {
  /**
   * Parses schema.yaml text. Invalid YAML, or a top level that is not a map, is a
   * ValidationError; template syntax this library does not know becomes a `schema`
   * problem (see `problems`), so an unusual schema never stops a synth.
   */
  public static fromYaml(text: string, source = 'schema.yaml'): PackSchema {
    const doc = parsePackYaml(text, source);
    const constraints: SchemaConstraint[] = [];
    const problems: SchemaProblem[] = [];
    if (doc.contents === null) return new PackSchema(source, constraints, problems);
    if (!isMap(doc.contents)) {
      throw new ValidationError(`${source}: the top level is not a map: write '<dotted value path>: {schema: "{{ ... }}"}' entries`);
    }
    const entries = doc.toJS() as Record<string, unknown>;
    for (const [path, entry] of Object.entries(entries)) {
      const template = isPlainObject(entry) ? entry.schema : undefined;
      if (typeof template !== 'string') {
        problems.push(schemaProblem(source, path, "has no 'schema' string", "write '<path>: {schema: \"{{ required }}\"}'"));
        continue;
      }
      try {
        splitValuePath(path);
      } catch {
        problems.push(schemaProblem(source, path, 'has an empty key', "separate keys with single dots, escape a literal dot as '\\.'"));
        continue;
      }
      constraints.push(parseConstraint(source, path, template, problems));
    }
    return new PackSchema(source, constraints, problems);
  }

  private constructor(
    /** The file, for messages. */
    public readonly source: string,
    public readonly constraints: readonly SchemaConstraint[],
    /** Schema syntax that cannot be checked; checkPackSchema reports these too. */
    public readonly problems: readonly SchemaProblem[],
  ) {}

  /** The constraint on a path, as written in schema.yaml. */
  public constraint(path: string): SchemaConstraint | undefined {
    return this.constraints.find((c) => c.path === path);
  }

  /**
   * The constraint on the value at these keys (map keys and list indexes from the top), with
   * `$[]` in a schema path standing for any list index.
   */
  public constraintAt(keys: readonly (string | number)[]): SchemaConstraint | undefined {
    return this.constraints.find((c) => {
      const path = splitValuePath(c.path);
      return path.length === keys.length && path.every((k, i) => (k === '$[]' ? typeof keys[i] === 'number' : k === keys[i]));
    });
  }

  /** Paths whose values the UI masks (`${password}`): treat them as secrets. */
  public get passwordPaths(): string[] {
    return this.constraints.filter((c) => isPassword(c)).map((c) => c.path);
  }
}

/** Options of checkPackSchema. */
export interface CheckPackSchemaOptions {
  /**
   * The pack's default values. With them, a `readonly` value that differs from its default
   * is a problem (the UI would not let it change). @default readonly is not checked
   */
  readonly defaults?: unknown;
}

/**
 * Checks merged values (plain data, as the profile will hold them) against a pack's schema:
 * required values present, formats met, read-only values unchanged (given `defaults`).
 * A value holding a Palette reference (`{{.spectro.var.X}}`, a macro) is accepted for its
 * format: Palette resolves and checks it at deploy time. Returns every problem, schema
 * syntax problems first; [] when the values pass.
 */
export function checkPackSchema(schema: PackSchema, values: unknown, options: CheckPackSchemaOptions = {}): SchemaProblem[] {
  const problems: SchemaProblem[] = [...schema.problems];
  for (const c of schema.constraints) {
    const keys = splitValuePath(c.path);
    for (const found of resolvePath(values, keys)) {
      const value = found.value;
      if (isAbsent(value)) {
        if (c.required) problems.push({ path: found.path, rule: 'required', message: requiredMessage(found.path) });
        continue;
      }
      if (c.format) {
        const wrong = formatMismatch(c.format, value);
        if (wrong) problems.push({ path: found.path, rule: 'format', message: formatMessage(found.path, c, value, wrong) });
      }
    }
    if (c.readonly && options.defaults !== undefined) {
      const now = resolvePath(values, keys);
      const before = resolvePath(options.defaults, keys);
      if (JSON.stringify(now.map((f) => f.value)) !== JSON.stringify(before.map((f) => f.value))) {
        problems.push({
          path: c.path,
          rule: 'readonly',
          message: `'${c.path}' is read-only in the pack's schema.yaml but differs from the pack default: remove the change, Palette's UI keeps the default`,
        });
      }
    }
  }
  return problems;
}

// ---- template parsing ----

function schemaProblem(source: string, path: string, what: string, fix: string): SchemaProblem {
  return { path, rule: 'schema', message: `${source} '${path}' ${what}: ${fix}; this constraint is not checked` };
}

function parseConstraint(source: string, path: string, text: string, problems: SchemaProblem[]): SchemaConstraint {
  const hints: string[] = [];
  let required = false;
  let readonly = false;
  let format: SchemaFormat | undefined;
  const body = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(text);
  if (!body) {
    problems.push(schemaProblem(source, path, `schema '${text}' is not a '{{ ... }}' template`, "write e.g. '{{ required }}'"));
    return { path, required, readonly, hints };
  }
  for (const segment of splitPipeline(body[1])) {
    const call = parseCall(segment);
    if (typeof call === 'string') {
      problems.push(schemaProblem(source, path, `schema '${text}': ${call}`, 'use required, readonly, format "..." or hints "..."'));
      continue;
    }
    const [fn, args] = call;
    if ((fn === 'required' || fn === 'readonly') && args.length === 0) {
      if (fn === 'required') required = true;
      else readonly = true;
    } else if (fn === 'format' && args.length === 1) {
      const parsed = parseSchemaFormat(args[0]);
      if (typeof parsed === 'string') problems.push(schemaProblem(source, path, `format "${args[0]}": ${parsed}`, 'see the format types of the pack-constraints docs'));
      else format = parsed;
    } else if (fn === 'hints' && args.length > 0) {
      hints.push(...args);
    } else {
      problems.push(schemaProblem(source, path, `schema '${text}': unknown function '${fn}' with ${args.length} argument(s)`, 'use required, readonly, format "..." or hints "..."'));
    }
  }
  return { path, required, readonly, format, hints };
}

/** Splits `a | b "x|y" | c` at the pipes outside quotes. */
function splitPipeline(body: string): string[] {
  const segments: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      current += ch;
      if (ch === '\\' && quote === '"' && i + 1 < body.length) current += body[++i];
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === '`') {
      quote = ch;
      current += ch;
    } else if (ch === '|') {
      segments.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  segments.push(current);
  return segments;
}

/** `name "arg" "arg"` -> [name, args], or a description of what is wrong. */
function parseCall(segment: string): [string, string[]] | string {
  const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(segment);
  if (!name) return `'${segment.trim()}' is not a function call`;
  const args: string[] = [];
  let rest = segment.slice(name[0].length);
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (rest === '') return [name[1], args];
    // A double-quoted string: \" and \\ are escapes; other backslashes stay (RE2 escapes like \d).
    const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    const raw = /^`([^`]*)`/.exec(rest);
    if (quoted) {
      args.push(quoted[1].replace(/\\(["\\])/g, '$1'));
      rest = rest.slice(quoted[0].length);
    } else if (raw) {
      args.push(raw[1]);
      rest = rest.slice(raw[0].length);
    } else {
      return `argument '${rest.trim()}' of '${name[1]}' is not a quoted string`;
    }
  }
}

/** Parses a format template, or describes what is wrong. */
export function parseSchemaFormat(template: string): SchemaFormat | string {
  const parts: (string | FormatPlaceholder)[] = [];
  let i = 0;
  let literal = '';
  while (i < template.length) {
    if (!template.startsWith('${', i)) {
      literal += template[i++];
      continue;
    }
    const type = /^[a-z0-9]+/i.exec(template.slice(i + 2))?.[0] ?? '';
    let j = i + 2 + type.length;
    if (!(FORMAT_TYPES as readonly string[]).includes(type)) return `unknown format type '${type}'`;
    let arg: string | undefined;
    if (template[j] === ':') {
      const close = template[j + 1] === '/' ? '/}' : template[j + 1] === '[' ? ']}' : undefined;
      const end = close ? template.indexOf(close, j + 2) : -1;
      if (!close || end < 0) return `the argument of '\${${type}:' is neither /REGEX/ nor [...]`;
      arg = template.slice(j + 1, end + 1);
      j = end + 1;
    }
    if (template[j] !== '}') return `'\${${type}' is not closed by '}'`;
    const placeholder = parsePlaceholder(type as SchemaFormatType, arg);
    if (typeof placeholder === 'string') return placeholder;
    if (literal) parts.push(literal);
    literal = '';
    parts.push(placeholder);
    i = j + 1;
  }
  if (literal) parts.push(literal);
  if (!parts.some((p) => typeof p !== 'string')) return 'the template has no ${TYPE} placeholder';
  return { template, parts };
}

function parsePlaceholder(type: SchemaFormatType, arg: string | undefined): FormatPlaceholder | string {
  if (arg === undefined) return type === 'list' ? "'${list}' needs its options: '${list:[A,B]}'" : { type };
  if (arg.startsWith('/')) {
    if (!['string', 'password', 'number'].includes(type)) return `'\${${type}}' takes no regex`;
    const regex = arg.slice(1, -1);
    try {
      new RegExp(regex);
    } catch {
      return `the regex /${regex}/ is RE2 syntax that JavaScript cannot check`;
    }
    return { type, regex };
  }
  const inner = arg.slice(1, -1);
  if (type === 'list') return { type, options: inner.split(',').map((o) => o.trim()) };
  if (type === 'number') {
    const range = /^\s*(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)\s*$/.exec(inner);
    if (!range) return `the number range '[${inner}]' is not '[MIN-MAX]'`;
    return { type, range: { min: Number(range[1]), max: Number(range[2]) } };
  }
  return `'\${${type}}' takes no [...] argument`;
}

// ---- value checks ----

/** A value found at a path; `$[]` yields one per list element. */
interface Found {
  readonly path: string;
  readonly value: unknown;
}

function resolvePath(values: unknown, keys: readonly string[], prefix = ''): Found[] {
  if (keys.length === 0) return [{ path: prefix, value: values }];
  const [key, ...rest] = keys;
  if (key === '$[]') {
    // A missing or empty list has no value: `required` reports it, a format has nothing to check.
    if (!Array.isArray(values) || values.length === 0) return [{ path: prefix, value: undefined }];
    return values.flatMap((v, i) => resolvePath(v, rest, `${prefix}[${i}]`));
  }
  const escaped = (k: string) => k.replace(/\./g, '\\.');
  const here = prefix ? `${prefix}.${escaped(key)}` : escaped(key);
  const next = isPlainObject(values) ? values[key] : undefined;
  if (next === undefined && rest.length > 0) {
    return [{ path: [here, ...rest.filter((k) => k !== '$[]').map(escaped)].join('.'), value: undefined }];
  }
  return resolvePath(next, rest, here);
}

/** Null, a missing key and an empty string count as "no value" [inferred: the UI's empty field]. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A value Palette fills in at deploy time: a variable, macro or pack reference. */
function isDeployTimeReference(text: string): boolean {
  return /\{\{\s*\.spectro\./.test(text);
}

function isPassword(c: SchemaConstraint): boolean {
  return c.format?.parts.some((p) => typeof p !== 'string' && p.type === 'password') ?? false;
}

/**
 * What is wrong with a value for a format, or undefined when it fits. Scalars are checked
 * as their text, as they stand in the values string [inferred]; lists and maps never fit.
 */
function formatMismatch(format: SchemaFormat, value: unknown): string | undefined {
  if (typeof value === 'object') return 'is a list or map, not a single value';
  const text = String(value);
  if (isDeployTimeReference(text)) return undefined;
  const only = format.parts.length === 1 ? format.parts[0] : undefined;
  if (only !== undefined && typeof only !== 'string') return placeholderMismatch(only, text);
  // Several parts: split the text by the literals, then check each piece.
  const pattern = format.parts.map((p) => (typeof p === 'string' ? escapeRegExp(p) : `(${PIECE[p.type](p)})`)).join('');
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) return "does not have the template's shape";
  const placeholders = format.parts.filter((p): p is FormatPlaceholder => typeof p !== 'string');
  for (const [i, p] of placeholders.entries()) {
    const wrong = placeholderMismatch(p, match[i + 1]);
    if (wrong) return wrong;
  }
  return undefined;
}

/** A loose pattern per type, to split a multi-part template; each piece is then checked. */
const PIECE: { readonly [T in SchemaFormatType]: (p: FormatPlaceholder) => string } = {
  string: () => '[\\s\\S]*?',
  password: () => '[\\s\\S]*?',
  number: () => '-?\\d+(?:\\.\\d+)?',
  boolean: () => 'true|false',
  list: (p) => (p.options ?? []).map(escapeRegExp).join('|'),
  ipv4: () => '\\d{1,3}(?:\\.\\d{1,3}){3}',
  version: () => 'v?\\d+(?:\\.\\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?',
};

function placeholderMismatch(p: FormatPlaceholder, text: string): string | undefined {
  // A regex matches anywhere in the text, as Go's regexp.MatchString does; anchor it with ^...$ to match all of it [inferred].
  if (p.regex !== undefined && !new RegExp(p.regex).test(text)) return `does not match /${p.regex}/`;
  switch (p.type) {
    case 'string':
    case 'password':
      return undefined;
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return 'is not a number';
      const n = Number(text);
      if (p.range && (n < p.range.min || n > p.range.max)) return `is not within ${p.range.min}-${p.range.max}`;
      return undefined;
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? undefined : 'is not true or false';
    case 'list':
      return p.options?.includes(text) ? undefined : `is not one of ${(p.options ?? []).join(', ')}`;
    case 'ipv4':
      return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text) ? undefined : 'is not an IPv4 address';
    case 'version':
      // Semantic version; a leading `v` and a missing minor/patch are accepted, as Go semver libraries do [inferred].
      return new RegExp(`^${PIECE.version(p)}$`).test(text) ? undefined : 'is not a semantic version';
  }
}

function requiredMessage(path: string): string {
  return `'${path}' is required by the pack's schema.yaml but has no value: set it, or reference a profile variable '{{.spectro.var.NAME}}'`;
}

function formatMessage(path: string, c: SchemaConstraint, value: unknown, wrong: string): string {
  // Never echo a password: a problem may be printed or stored.
  const shown = isPassword(c) ? '(masked)' : JSON.stringify(value);
  return `'${path}' = ${shown} ${wrong}, but the pack's schema.yaml asks for format "${c.format?.template}": fix the value, or use a profile variable`;
}
