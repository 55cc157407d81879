import { readFileSync, statSync } from 'fs';
import { dirname, resolve } from 'path';
import type { ErrorObject } from 'ajv';
import { Composer, CST, Document, isAlias, isCollection, isNode, isPair, isScalar, Lexer, Node, Parser } from 'yaml';
import { isValidationError, ValidationError } from '../common/errors';
import { SettingPositions } from '../common/yaml-setting-position';
import { readCaCertificateFiles } from './ca-certificate-files';
import { validateSiteSchema } from './site-schema-validator';
import { VmoSiteProps } from '../model/site-props';
import { suppressionRuleProblem } from '../palette/finding';
import { VMO_SITE_RULES } from './vmo-site';


/** At most this many schema problems are listed; a file with thousands of unknown keys is one mistake. */
export const MAX_SCHEMA_ERRORS = 20;

/** The known name closest to a misspelt one (edit distance at most a third of its length), or undefined. */
function closest(word: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
        prev = row[j];
        row[j] = next;
      }
    }
    return row[b.length];
  };
  const best = known.map((k) => ({ k, d: distance(word, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(word.length / 3)) ? best.k : undefined;
}

/** `network.mgmt.cidr` style path of an ajv error. */
function errorPath(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : '';
  return [base, extra].filter(Boolean).join('.') || '(top level)';
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties': {
      const unknown = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      const near = closest(unknown, known);
      return `is not a known setting: ${near ? `did you mean '${near}'? ` : ''}the settings here are ${known.join(', ')}`;
    }
    case 'required':
      return `is required${hint(e.parentSchema, (e.params as { missingProperty: string }).missingProperty)}`;
    case 'enum':
      return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}, not ${shown(e.data)}`;
    case 'type': {
      const type = String((e.params as { type: string }).type);
      const how = TYPE_EXAMPLES[type];
      return `must be ${TYPE_WORDS[type] ?? type}, not ${shown(e.data)}: write ${how ? how(example(e.parentSchema)) : `a ${type}`}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      return `must be ${comparison} ${limit}, not ${shown(e.data)}${hint(e.parentSchema)}`;
    }
    case 'pattern': {
      const { pattern } = e.params as { pattern: string };
      const fallback = settingSchema(e.parentSchema)?.default;
      const sample = example(e.parentSchema) ?? (typeof fallback === 'string' && new RegExp(pattern).test(fallback) ? fallback : undefined);
      return `${shown(e.data)} does not have the form ${pattern}${sample ? `: write e.g. ${sample}` : ''}${hint(e.parentSchema)}`;
    }
    case 'minLength': {
      const { limit } = e.params as { limit: number };
      return `${limit <= 1 ? 'must not be empty' : `must be at least ${limit} characters, not ${shown(e.data)}`}${hint(e.parentSchema)}`;
    }
    default:
      return `${e.message ?? 'is invalid'}${hint(e.parentSchema)}`;
  }
}

const TYPE_WORDS: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', object: 'a mapping of settings', array: 'a list' };
/** The `if` of a schema as words: `mode is "bgp"`. */
function condition(schema: unknown): string | undefined {
  const properties = (schema as { if?: { properties?: Record<string, { const?: unknown }> } } | undefined)?.if?.properties ?? {};
  const keys = Object.keys(properties).filter((k) => properties[k].const !== undefined);
  if (!keys.length) return undefined;
  return `${keys.map((k) => `${k} is ${JSON.stringify(properties[k].const)}`).join(' and ')}: add it, or change ${keys.join(' and ')}`;
}

/** What the file wrote, short: a value of hundreds of characters is cut, with its length. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= 40 ? text : `${text.slice(0, 36)}…" (${typeof value === 'string' ? `${value.length} characters` : 'cut'})`;
}

/** How to write a value of each type, given the setting's example when the schema has one. */
const TYPE_EXAMPLES: Record<string, (example: string | undefined) => string> = {
  integer: (e) => `digits without quotes, e.g. ${e ?? 10}`,
  number: (e) => `digits without quotes, e.g. ${e ?? 1.5}`,
  string: (e) => `the text, in quotes if it could read as a number or true/false, e.g. ${e !== undefined ? `'${e}'` : "'0644'"}`,
  boolean: () => 'true or false, without quotes',
  object: () => "'key: value' lines indented below the setting",
  array: () => "a list, e.g. [a, b] or '- a' lines below the setting",
};

/** The schema's example of a setting, as it would be written in the file. */
function example(schema: unknown, property?: string): string | undefined {
  const s = settingSchema(schema, property);
  const value = s?.examples?.[0] ?? (typeof s?.default === 'number' || typeof s?.default === 'boolean' ? s.default : undefined);
  return value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
}

/** ` (what the setting is)`: the start of the schema's description, for the fix; kept short. */
function hint(schema: unknown, property?: string): string {
  const description = settingSchema(schema, property)?.description;
  if (!description) return '';
  let first = description.split(/(?<=\.)\s/)[0].replace(/\.$/, '');
  if (first.length > 90) first = first.split(/ \(|; |: /)[0];
  return first.length <= 90 ? ` (${first})` : '';
}

function settingSchema(schema: unknown, property?: string): { description?: string; examples?: unknown[]; default?: unknown } | undefined {
  const s = schema as { properties?: Record<string, unknown> } | undefined;
  return (property === undefined ? s : s?.properties?.[property]) as { description?: string; examples?: unknown[]; default?: unknown } | undefined;
}

/**
 * Validates plain data as a site description; throws one line per problem, naming `source` and
 * the setting, and with `text` (the YAML it was read from) the line and column.
 */
export function validateSiteData(data: unknown, source: string, text?: string): VmoSiteProps {
  // The schema compiled ahead of time (npm run schema): ajv's compile costs about 0.15 s per start.
  const validate = validateSiteSchema;
  if (!validate(data)) {
    const seen = new Set<string>();
    const errors = validate.errors ?? [];
    // A setting required only with another one (the schema's if/then): say which, e.g. "when mode is "bgp"".
    const conditions = new Map(errors.filter((e) => e.keyword === 'if').map((e) => [e.instancePath, condition(e.parentSchema)]));
    const problems = errors
      .filter((e) => e.keyword !== 'if')
      .map((e) => {
        const when = e.schemaPath.includes('/then/') ? conditions.get(e.instancePath) : undefined;
        return { path: errorPath(e), problem: `${describe(e)}${when ? ` when ${when}` : ''}` };
      })
      .filter(({ path, problem }) => !seen.has(`${path} ${problem}`) && (seen.add(`${path} ${problem}`), true));
    const positions = text !== undefined ? new SettingPositions(text) : undefined;
    const lines = problems.map(({ path, problem }, i) => {
      const at = i < MAX_SCHEMA_ERRORS && path !== '(top level)' ? positions?.of(path) : undefined;
      return `${source}${at ? `:${at.line}:${at.column}` : ''}: ${path} ${problem}`;
    });
    const shown = lines.slice(0, MAX_SCHEMA_ERRORS);
    if (lines.length > shown.length) shown.push(`${source}: ... and ${lines.length - shown.length} more problems of the same kind`);
    throw new ValidationError(shown.join('\n'));
  }
  const props = data as VmoSiteProps;
  // The schema checks the id's form; only the rules know which ids exist and which may be turned off.
  (props.suppressions ?? []).forEach((s, i) => {
    const problem = suppressionRuleProblem(s.ruleId, VMO_SITE_RULES);
    if (problem) throw new ValidationError(`${source}: suppressions[${i}].ruleId ${problem}`);
  });
  return props;
}

// Limits on a site file. A real site file is a few kilobytes; the limits keep a wrong or hostile
// file (a YAML bomb, a fuzzer's output) from costing more than about a second.

/**
 * The largest site file read, in bytes: a real one is 1-5 KB. The yaml parser takes several
 * microseconds per byte on pathological input (a long run of commas or quotes): at 128 KiB
 * the worst case measured was about 1.4 s on a busy 2-core machine, at 256 KiB 2.8 s.
 */
export const MAX_SITE_FILE_BYTES = 128 * 1024;
/** The deepest nesting of mappings and lists; the site schema itself is about 5 levels deep. */
export const MAX_SITE_NESTING = 32;
/** The most aliases (`*name`) one site file may use. */
export const MAX_SITE_ALIASES = 100;
/** The most values (scalars, mappings, lists) all aliases together may copy. */
export const MAX_SITE_ALIAS_COPIES = 10_000;

/** Parses a site YAML text strictly and validates it against the schema; every problem is one line. */
export function parseSiteYaml(text: string, source: string): VmoSiteProps {
  return validateSiteData(readSiteYaml(text, source), source, text);
}

/** Reads and validates a site YAML file, and the CA certificate files it names (relative to it). */
export function loadSiteFile(path: string): VmoSiteProps {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw cannotRead(path, e);
  }
  // Checked before reading, so a huge file is never loaded into memory.
  if (size > MAX_SITE_FILE_BYTES) throw tooLarge(path, size);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw cannotRead(path, e);
  }
  const props = readCaCertificateFiles(parseSiteYaml(text, path), path);
  // A site file's pack catalog folder is relative to the file, wherever the command runs.
  return props.packCatalog === undefined ? props : { ...props, packCatalog: catalogFolder(path, props.packCatalog) };
}

/** The site file's `packCatalog` folder, resolved relative to the file; one that is not a folder is refused naming both. */
function catalogFolder(path: string, given: string): string {
  const folder = resolve(dirname(path), given);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // missing or unreadable: refused below
  }
  if (!isFolder) {
    throw new ValidationError(
      `${path}: packCatalog '${given}' is the folder ${folder} (relative to the site file), which does not exist or is not a folder: ` +
        'give the folder that holds <pack name>/<version>/values.yaml, relative to the site file',
    );
  }
  return folder;
}

function cannotRead(path: string, e: unknown): ValidationError {
  return new ValidationError(`${path}: cannot read the site file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
}

function tooLarge(source: string, bytes: number): ValidationError {
  return new ValidationError(
    `${source}: is ${kib(bytes)}, more than the ${kib(MAX_SITE_FILE_BYTES)} a site file may have: a site file describes one cluster in a few hundred lines; check that this is the right file`,
  );
}

const kib = (bytes: number): string => `${Math.ceil(bytes / 1024)} KiB`;

/** At most `max` characters of user text for a message, with an ellipsis when cut. */
const echo = (text: string, max = 40): string => (text.length <= max ? text : `${text.slice(0, max)}…`);

/** The yaml library's message, one line and short: some messages quote the offending text. */
const yamlMessage = (message: string): string => echo(message.split('\n')[0], 160);

/**
 * YAML text to plain data. Everything the YAML itself gets wrong is a one-line ValidationError
 * naming `source`, line and column; the yaml library's own exceptions never escape.
 */
function readSiteYaml(text: string, source: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SITE_FILE_BYTES) throw tooLarge(source, bytes);

  // Positions are counted in the text itself: 1-based line and column, as editors show them.
  const position = (offset: number): { line: number; col: number } => {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, col: offset - lineStart + 1 };
  };
  const where: Where = {
    at: (offset, message) => {
      const { line, col } = position(offset);
      return new ValidationError(`${source}:${line}:${col}: ${message}`);
    },
    lineOf: (node) => position(node.range?.[0] ?? 0).line,
  };
  const at = where.at;
  // The yaml library signals some failures (alias limits, stack exhaustion) by throwing.
  const guarded = <T>(step: () => T): T => {
    try {
      return step();
    } catch (e) {
      if (isValidationError(e)) throw e;
      throw new ValidationError(`${source}: not valid YAML: ${yamlMessage(String(e instanceof Error ? e.message : e))}`);
    }
  };

  // Bracket depth first, from the lexer, which stops at the first bracket too many: the parser
  // is slow on thousands of open brackets. Then the concrete syntax tree (built without
  // recursion), whose depth and top-level errors are checked before composing, because
  // composing recurses once per level and is slow on many errors.
  guarded(() => checkFlowNesting(text, at));
  const tokens = guarded(() => [...new Parser().parse(text)]);
  checkDirectives(tokens, at);
  const syntaxError = tokens.find((t): t is CST.ErrorToken => t.type === 'error');
  if (syntaxError !== undefined) throw at(syntaxError.offset, `not valid YAML: ${yamlMessage(syntaxError.message)}`);
  checkNesting(tokens, at);

  const docs = guarded(() => [...new Composer({ uniqueKeys: true, prettyErrors: false }).compose(tokens, true, text.length)]);
  if (docs.length > 1) {
    throw at(docs[1].range[0], `a second YAML document starts here: a site file holds one site; delete this '---' and what follows, or move it to a file of its own`);
  }
  const doc = docs[0];
  const [error] = doc.errors;
  if (error !== undefined) throw at(error.pos[0], `not valid YAML: ${yamlMessage(error.message)}`);
  const [warning] = doc.warnings;
  if (warning !== undefined) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = echo(text.slice(warning.pos[0], warning.pos[1]));
      throw at(warning.pos[0], `unknown tag '${tag}': site files use no tags; delete it (quote the value to keep it as text)`);
    }
    throw at(warning.pos[0], `not accepted in a site file: ${yamlMessage(warning.message)}`);
  }
  checkKeysAndAliases(doc, where);

  const data: unknown = guarded(() => doc.toJS({ maxAliasCount: MAX_SITE_ALIASES }));
  if (data === null || data === undefined) throw new ValidationError(`${source}: is empty: a site file needs at least 'name' and 'network'`);
  return data;
}

interface Where {
  /** A one-line error at `offset`: `file:line:col: message`. */
  readonly at: (offset: number, message: string) => ValidationError;
  /** The line a node starts on. */
  readonly lineOf: (node: Node) => number;
}

type At = Where['at'];

/**
 * Refuses `%` directives. `%YAML 1.1` changes how plain values read (`0:30` becomes the
 * number 30, `on` becomes true), and `%TAG` only serves tags, which site files do not use.
 */
function checkDirectives(tokens: readonly CST.Token[], at: At): void {
  for (const token of tokens) {
    if (token.type !== 'directive') continue;
    const directive = token.source.trim();
    if (/^%YAML\s+1\.2$/.test(directive)) continue;
    throw at(
      token.offset,
      /^%YAML\b/.test(directive)
        ? `'${echo(directive)}' would read some values differently (e.g. 0:30 as the number 30): site files are YAML 1.2; delete this line`
        : `'${echo(directive)}' is not used in site files: delete this line`,
    );
  }
}

const nestingTooDeep = `values are nested more than ${MAX_SITE_NESTING} levels deep here: a site file needs only a few levels; look for an unclosed '[' or '{'`;

/** Refuses more than MAX_SITE_NESTING open brackets (`[`, `{`), reading lexer tokens only. */
function checkFlowNesting(text: string, at: At): void {
  let depth = 0;
  let offset = 0;
  let scalarText = false;
  for (const token of new Lexer().lex(text)) {
    // The token after a SCALAR marker is the scalar's text, whatever it looks like; DOCUMENT,
    // FLOW_END and SCALAR are markers that take no room in the text.
    if (scalarText) scalarText = false;
    else if (token === CST.SCALAR) scalarText = true;
    else if (token === '[' || token === '{') {
      if (++depth > MAX_SITE_NESTING) throw at(offset, nestingTooDeep);
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    if (token !== CST.SCALAR && token !== CST.DOCUMENT && token !== CST.FLOW_END) offset += token.length;
  }
}

/** Refuses mappings and lists nested deeper than MAX_SITE_NESTING, walking the tree without recursion. */
function checkNesting(tokens: readonly CST.Token[], at: At): void {
  const pending: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value !== undefined) pending.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_SITE_NESTING) {
        throw at(token.offset, nestingTooDeep);
      }
      for (const item of token.items) {
        if (item.key) pending.push([item.key, depth + 1]);
        if (item.value) pending.push([item.value, depth + 1]);
      }
    }
  }
}

/** What an anchored value would cost to copy. */
interface AnchoredValue {
  /** Scalars, mappings and lists in the value. */
  readonly size: number;
  /** The value itself uses an alias. */
  readonly hasAlias: boolean;
}

/**
 * Checks that keys are one-line names, and every alias (`*name`) before the library resolves
 * it: its anchor (`&name`) must come
 * earlier and not contain it, the anchored value must hold no aliases of its own (one level,
 * so copies cannot multiply: the "billion laughs"), and the aliases together may copy at most
 * MAX_SITE_ALIAS_COPIES values. Walks in document order, as the library resolves.
 */
function checkKeysAndAliases(doc: Document.Parsed, { at, lineOf }: Where): void {
  const anchors = new Map<string, Node>(); // the latest node anchored with each name so far
  const walked = new Map<Node, AnchoredValue>();
  const open = new Set<Node>(); // nodes being walked: an alias to one would be inside its value
  let aliases = 0;
  let copies = 0;

  const walk = (node: unknown): AnchoredValue => {
    if (isPair(node)) {
      // Setting names are one-line words; a list, mapping or multi-line text as a key is a slip
      // (often a stray '?') that would otherwise surface as a garbled setting name.
      if (isCollection(node.key) || (isScalar(node.key) && /[\r\n]/.test(String(node.key.value)))) {
        throw at(node.key.range?.[0] ?? 0, `a setting name must be a single word, not a list, a mapping or several lines: check for a stray '?' or a misplaced ':'`);
      }
      const key = walk(node.key);
      const value = walk(node.value);
      return { size: key.size + value.size, hasAlias: key.hasAlias || value.hasAlias };
    }
    if (!isNode(node)) return { size: 0, hasAlias: false }; // an empty key or value
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      const alias = `'*${echo(node.source)}'`;
      const anchor = `'&${echo(node.source)}'`;
      if (++aliases > MAX_SITE_ALIASES) throw at(offset, `more than ${MAX_SITE_ALIASES} aliases: write the values out instead of repeating them with aliases`);
      const target = anchors.get(node.source);
      if (target === undefined) {
        const later = findAnchor(doc, node.source);
        throw at(
          offset,
          later === undefined
            ? `alias ${alias} has no anchor ${anchor}: mark the value to repeat with ${anchor} above this line, or write the value out`
            : `alias ${alias} comes before its anchor ${anchor} (line ${lineOf(later)}): YAML reads top to bottom; move the anchored value above this line, or write the value out`,
        );
      }
      if (open.has(target)) throw at(offset, `alias ${alias} is inside the value it repeats: write the value out`);
      const value = walked.get(target) ?? { size: 1, hasAlias: false };
      if (value.hasAlias) {
        throw at(offset, `alias ${alias} repeats a value that itself uses aliases (line ${lineOf(target)}): site files allow one level of aliases; write the inner values out`);
      }
      copies += value.size;
      if (copies > MAX_SITE_ALIAS_COPIES) throw at(offset, `the aliases up to here copy more than ${MAX_SITE_ALIAS_COPIES} values: write the values out`);
      return { size: value.size, hasAlias: true };
    }
    // The library resolves an alias to the latest anchor before it, the node's own included.
    if (node.anchor) anchors.set(node.anchor, node);
    open.add(node);
    let size = 1;
    let hasAlias = false;
    if (isCollection(node)) {
      for (const item of node.items) {
        const v = walk(item);
        size += v.size;
        hasAlias ||= v.hasAlias;
      }
    }
    open.delete(node);
    const value = { size, hasAlias };
    walked.set(node, value);
    return value;
  };
  walk(doc.contents);
}

/** The first node anchored `name` anywhere in the document. */
function findAnchor(doc: Document.Parsed, name: string): Node | undefined {
  let found: Node | undefined;
  const search = (node: unknown): void => {
    if (found !== undefined || node === null || typeof node !== 'object') return;
    if (isPair(node)) {
      search(node.key);
      search(node.value);
      return;
    }
    if ((node as Node).anchor === name && !isAlias(node)) found = node as Node;
    if (isCollection(node)) for (const item of node.items) search(item);
  };
  search(doc.contents);
  return found;
}
