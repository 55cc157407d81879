import { Document, DocumentOptions, isScalar, parseAllDocuments, Scalar, ScalarTag, Schema, SchemaOptions, visit } from 'yaml';
import { LruCache, memoizeByText } from './text-memo';
import type { PlainValue } from './values';

/** Matches one Palette profile-variable reference, with or without inner spaces. */
export const VARIABLE_REFERENCE = /\{\{\s*\.spectro\.var\.([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * Stringify options shared by every YAML file we write. The YAML 1.1 schema makes the
 * writer quote strings that a YAML 1.1 reader (Palette, Helm) would otherwise turn into
 * booleans or numbers (`yes`, `on`, `1:20`); no line folding keeps diffs line-stable.
 */
const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/**
 * A variable reference written without quotes, `maxStorageNodes: {{.spectro.var.nodes}}`, so that
 * after Palette substitutes the value as text the field reads as a number or a boolean. A quoted
 * reference would read as the string `'5'` after substitution, which an int32 CRD field rejects
 * (librarium "Create Cluster Profile Variables": the variable is resolved inside the YAML text).
 * Before substitution the unquoted form still parses (as a flow mapping), so the values stay valid YAML.
 */
export class UnquotedReference {
  constructor(public readonly reference: string) {}

  public toString(): string {
    return this.reference;
  }
}

/** Stringifies an UnquotedReference as its raw text; never matched when parsing. */
const UNQUOTED_REFERENCE_TAG: ScalarTag = {
  tag: 'tag:palette-vmo:unquoted-reference',
  default: true,
  identify: (v: unknown) => v instanceof UnquotedReference,
  resolve: (text: string) => text,
  test: /^(?!)/,
  stringify: (item) => String((item as Scalar).value),
};

/** Options of every Document we build or parse for output: YAML 1.1 (as Palette and Helm read it) and typed references. */
export const OUTPUT_DOCUMENT_OPTIONS: DocumentOptions & SchemaOptions = { version: '1.1', customTags: [UNQUOTED_REFERENCE_TAG] };

/** Marks variable references single-quoted, as Palette's docs ask. */
export function quoteVariableReferences(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /\{\{\s*\.spectro\./.test(node.value) && node.type !== Scalar.BLOCK_LITERAL) {
        node.type = node.value.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_SINGLE;
      }
    },
  });
}

/** Renders a YAML document for the output: strict, deterministic, variables quoted. */
export function documentToYaml(doc: Document): string {
  quoteVariableReferences(doc);
  return doc.toString(STRINGIFY_OPTIONS);
}

/** Renders plain data as one YAML document. */
export function toYaml(value: PlainValue | object): string {
  return documentToYaml(new Document(value, OUTPUT_DOCUMENT_OPTIONS));
}

/** Renders several objects as a multi-document YAML stream. */
export function toYamlStream(values: readonly object[]): string {
  return values.map((v) => toYaml(v)).join('---\n');
}

/** One problem found while parsing YAML strictly. */
export interface YamlProblem {
  readonly message: string;
}

/**
 * Parses YAML the way a strict consumer would and reports every problem: syntax errors,
 * duplicate keys, and scalars that a YAML 1.1 reader and a YAML 1.2 reader would read
 * differently (the "YAML 1.1 surprises": `yes`, `on`, `0644`, `1:20`).
 */
export const strictYamlProblems = memoizeByText(strictYamlProblemsOnce);

function strictYamlProblemsOnce(text: string): YamlProblem[] {
  return readsTheSameInBothVersions(text) ? [] : strictYamlProblemsOfBothReadings(text);
}

/**
 * The common case, in one reading instead of two: the text parses strictly as YAML 1.1 and no
 * plain scalar (keys included) resolves differently under the YAML 1.2 core schema. Only plain
 * scalars depend on the schema; a text with tags, anchors, aliases, merge keys or directives
 * takes the full path, which also words every problem.
 */
function readsTheSameInBothVersions(text: string): boolean {
  if (/^%/m.test(text)) return false; // a directive may change the version of both readings
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true, strict: true, prettyErrors: false });
  if (!Array.isArray(docs)) return false;
  for (const doc of docs) {
    if (doc.errors.length) return false;
    let same = true;
    const unusual = (node: { tag?: string; anchor?: string }) => node.tag !== undefined || node.anchor !== undefined;
    visit(doc, {
      Alias: () => ((same = false), visit.BREAK),
      Map: (_k, node) => (unusual(node) ? ((same = false), visit.BREAK) : undefined),
      Seq: (_k, node) => (unusual(node) ? ((same = false), visit.BREAK) : undefined),
      Scalar: (_k, node) => {
        const plainText = node.type === Scalar.PLAIN && typeof node.source === 'string' ? node.source : undefined;
        // `<<` is a merge key in YAML 1.1 only.
        if (unusual(node) || (plainText !== undefined && (plainText === '<<' || readsDifferently(plainText)))) {
          same = false;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    if (!same) return false;
  }
  return true;
}

const SCHEMA_1_1 = new Document(null, { version: '1.1' }).schema;
const SCHEMA_1_2 = new Document(null, { version: '1.2' }).schema;
const plainReadings = new LruCache<string, boolean>(20_000);

/** True when a plain scalar's text resolves to another value (or type) in YAML 1.1 than in 1.2. */
function readsDifferently(source: string): boolean {
  return plainReadings.getOrSet(source, () => {
    const a = resolvePlain(SCHEMA_1_1, source);
    const b = resolvePlain(SCHEMA_1_2, source);
    return JSON.stringify(a) !== JSON.stringify(b) || String(a) !== String(b) || typeof a !== typeof b;
  });
}

/** What a plain scalar resolves to in a schema, as the composer resolves it (first default tag whose test matches). */
function resolvePlain(schema: Schema, source: string): unknown {
  const tag = schema.tags.find((t): t is ScalarTag => !('collection' in t && t.collection) && t.default === true && t.test instanceof RegExp && t.test.test(source));
  if (!tag?.resolve) return source;
  try {
    const v: unknown = tag.resolve(source, () => undefined, {});
    return isScalar(v) ? v.value : v;
  } catch {
    return { unresolved: source };
  }
}

/** Both readings compared value by value: the wording of every problem. */
function strictYamlProblemsOfBothReadings(text: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const read = (version: '1.1' | '1.2') => {
    const docs = parseAllDocuments(text, { version, uniqueKeys: true, strict: true, prettyErrors: false });
    if (!Array.isArray(docs)) return [];
    return docs.map((d) => {
      for (const e of d.errors) problems.push({ message: `${e.code}: ${e.message.split('\n')[0]}` });
      // mapAsMap keeps an unquoted `{{ ... }}` reference (a flow map used as a key) from warning; plain() makes it comparable.
      return d.errors.length ? undefined : plain(d.toJS({ maxAliasCount: 100, mapAsMap: true }));
    });
  };
  const v12 = read('1.2');
  if (problems.length) return problems;
  const v11 = read('1.1');
  if (problems.length) return problems;
  const a = JSON.stringify(v12);
  const b = JSON.stringify(v11);
  if (a !== b) {
    problems.push({ message: `a scalar reads differently in YAML 1.1 and 1.2 (${firstDifference(v12, v11)}); quote it` });
  }
  return problems;
}

function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const k of Object.keys(a)) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return '';
  }
  return JSON.stringify(a) === JSON.stringify(b) ? '' : `${path || '(root)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/** Maps with non-string keys (from `mapAsMap`) as plain objects. */
export function plain(v: unknown): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean' ? String(k) : '(complex key)'] = plain(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(plain);
  return v;
}
