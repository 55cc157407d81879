import { Document, DocumentOptions, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, ScalarTag, SchemaOptions, visit } from 'yaml';
import { memoizeByText } from './text-memo';
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
 * after Palette substitutes the value as text the field reads as a number or a boolean.
 *
 * Why, against the docs' advice: Palette substitutes a variable inside the YAML text (librarium
 * "Create Cluster Profile Variables"), so a quoted reference becomes the string `'5'`, which an
 * int32 CRD field such as the StorageCluster's `maxStorageNodes` rejects (issue 9; the tests
 * substitute the defaults and validate against the CRD). The docs say the opposite for a reason
 * that does not apply here: "You must wrap each profile variable in single quotes (') to properly
 * validate the schema" (librarium create-cluster-profile-variables.md, step 14; palette-api.md §4,
 * palette-profile-format.md §3.2). Before substitution an unquoted reference parses as a YAML flow
 * map, so a pack `schema.yaml` constraint at that path (a format, `required`) would see a map and
 * fail. The values stay valid YAML either way. So: typed references where the field's type
 * matters and the pack's schema says nothing about the path, and PAL-009 refuses an unquoted
 * reference at a path the schema constrains (the fix there: `ProfileVariable.asText()`, quoted,
 * or a string variable).
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

/** A whole-value reference as an unquoted flow map reads in the text: `{{.spectro.var.NAME}}`. */
const WHOLE_REFERENCE = /^\{\{\s*\.spectro\.var\.[A-Za-z0-9_.-]+\s*\}\}$/;

/** A reference that may stand unquoted: `{{` after a blank or a flow indicator (a quoted one follows its quote). */
const MAYBE_UNQUOTED = /[\s[{,]\{\{\s*\.spectro\.var\./;

/** One variable reference written unquoted in a values text. */
export interface UnquotedReferenceAt {
  /** Where it stands: map keys and list indexes from the top. */
  readonly keys: readonly (string | number)[];
  /** The reference exactly as written, e.g. `{{.spectro.var.pxMaxStorageNodes}}`. */
  readonly reference: string;
}

/**
 * Every variable reference a values text holds unquoted (see UnquotedReference): before
 * substitution each reads as a flow map, which is what a pack schema check would see.
 */
export function unquotedReferences(text: string): UnquotedReferenceAt[] {
  if (!MAYBE_UNQUOTED.test(text)) return [];
  const doc = parseDocument(text, { version: '1.1' });
  if (doc.errors.length) return [];
  const found: UnquotedReferenceAt[] = [];
  visit(doc, {
    Map(_key, node, path) {
      if (!node.flow || !node.range) return undefined;
      const source = text.slice(node.range[0], node.range[1]).trim();
      if (!WHOLE_REFERENCE.test(source)) return undefined;
      found.push({ keys: keysOf(path, node), reference: source });
      return visit.SKIP;
    },
  });
  return found;
}

/** The keys and indexes from the document to a node, read from its ancestors. */
function keysOf(path: readonly unknown[], node: unknown): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const [i, ancestor] of path.entries()) {
    const next = path[i + 1] ?? node;
    if (isPair(ancestor)) keys.push(String(isScalar(ancestor.key) ? ancestor.key.value : ancestor.key));
    else if (isSeq(ancestor)) keys.push(ancestor.items.indexOf(next as never));
  }
  return keys;
}

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
