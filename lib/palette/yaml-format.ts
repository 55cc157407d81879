import { Document, DocumentOptions, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, ScalarTag, Schema, SchemaOptions, visit, YAMLMap } from 'yaml';
import { LruCache, memoizeByText } from './text-memo';
import type { PlainValue } from './values';

/** Matches one Palette profile-variable reference, with or without inner spaces. */
export const VARIABLE_REFERENCE = /\{\{\s*\.spectro\.var\.([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * Stringify options shared by every YAML file we write. The YAML 1.1 schema makes the
 * writer quote strings that a YAML 1.1 reader (Palette, Helm) would otherwise turn into
 * booleans or numbers (`yes`, `on`, `1:20`); no line folding keeps diffs line-stable.
 */
// directives: false: the output has no %YAML or %TAG lines, so yaml need not walk the document to look for tags.
const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0, directives: false } as const;

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
export function unquotedReferences(text: string): readonly UnquotedReferenceAt[] {
  return MAYBE_UNQUOTED.test(text) ? unquotedReferencesIn(text) : [];
}

/** unquotedReferences of a text that may hold one, parsed once per text (the changes files and PAL-009 both ask). */
const unquotedReferencesIn = memoizeByText((text: string): readonly UnquotedReferenceAt[] => {
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
});

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

/**
 * Quotes variable references (as Palette's docs ask) and, in the same walk, tells whether the
 * document prints as strict YAML that YAML 1.1 and 1.2 read alike: no alias, anchor, explicit
 * tag or duplicate key, and no scalar whose printed text resolves differently in the two. The
 * printer quotes every string YAML 1.1 would read as something else, so a string is at risk only
 * when YAML 1.2 would; a number or boolean only when printed in a 1.1-only form (`0644`, `yes`).
 * False says "maybe": PAL-004 then parses the text (strictYamlProblems).
 */
function prepareForOutput(doc: Document): boolean {
  const state = { safe: doc.schema.name === 'yaml-1.1' };
  prepareNode(doc.contents, state);
  return state.safe;
}

/** The walk of prepareForOutput, by hand: it runs over every node of every document printed (yaml's visit costs several times more). */
function prepareNode(node: unknown, state: { safe: boolean }): void {
  if (node === null || node === undefined) return;
  if (isScalar(node)) {
    const v: unknown = node.value;
    if (typeof v === 'string' && v.includes('{{') && /\{\{\s*\.spectro\./.test(v) && node.type !== Scalar.BLOCK_LITERAL) {
      node.type = v.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_SINGLE;
    }
    if (state.safe && !printsAlike(node)) state.safe = false;
    return;
  }
  if (isMap(node)) {
    if (node.tag !== undefined || node.anchor !== undefined) state.safe = false;
    const keys = node.items.length > 1 ? new Set<string>() : undefined;
    for (const pair of node.items) {
      // setIn leaves plain keys and values in pairs: they print by the same rules as scalars.
      const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
      if (isNode(pair.key)) prepareNode(pair.key, state);
      else if (state.safe && !valuePrintsAlike(key)) state.safe = false;
      if (state.safe) {
        const id = keyId(key);
        if (id === undefined || keys?.has(id)) state.safe = false;
        else keys?.add(id);
      }
      if (isNode(pair.value)) prepareNode(pair.value, state);
      else if (pair.value !== null && state.safe && !valuePrintsAlike(pair.value)) state.safe = false;
    }
    return;
  }
  if (isSeq(node)) {
    if (node.tag !== undefined || node.anchor !== undefined) state.safe = false;
    for (const item of node.items) {
      if (isNode(item) || isPair(item)) prepareNode(item, state);
      else if (item !== null && state.safe && !valuePrintsAlike(item)) state.safe = false;
    }
    return;
  }
  if (isPair(node)) {
    state.safe = false; // a pair inside a list: a YAML 1.1 !!pairs or !!omap
    prepareNode(node.key, state);
    prepareNode(node.value, state);
    return;
  }
  state.safe = false; // an alias, or a node kind this walk does not know
}

/** A map key as an identity for finding duplicates; undefined for a key that is not a scalar. */
function keyId(key: unknown): string | undefined {
  if (typeof key === 'string') return `s${key}`;
  if (typeof key === 'number' || typeof key === 'boolean' || key === null) return `v${String(key)}`;
  return undefined;
}

/** True when a scalar's printed text surely reads the same in YAML 1.1 and 1.2 (see prepareForOutput). */
function printsAlike(node: Scalar): boolean {
  if (node.tag !== undefined || node.anchor !== undefined) return false;
  const v: unknown = node.value;
  if (typeof v === 'number' && node.format !== undefined) return false;
  // A boolean or null prints as its source spelling (`yes`, `~`) when it has one.
  if ((typeof v === 'boolean' || v === null) && typeof node.source === 'string') return !readsDifferently(node.source);
  return valuePrintsAlike(v);
}

/** printsAlike for a value as the printer makes a scalar of it (a plain key or value a pair holds). */
function valuePrintsAlike(v: unknown): boolean {
  if (typeof v === 'string') return stringPrintsAlike(v);
  if (v instanceof UnquotedReference) return /^\{\{\s*\.spectro\.var\.[A-Za-z0-9_.-]+\s*\}\}$/.test(v.reference);
  if (typeof v === 'number') return Number.isFinite(v) && !readsDifferently(String(v));
  if (typeof v === 'boolean' || v === null) return !readsDifferently(String(v));
  return false;
}

/**
 * True when a string prints as a text both YAML versions read as that string: the printer quotes
 * it because YAML 1.1 would read its plain form as something else (`'0644'`, `'yes'`), or both
 * read the plain form alike. Asked for every scalar of every document printed, so each distinct
 * string is judged once (a plain Map: a lookup per scalar must stay cheap).
 */
function stringPrintsAlike(value: string): boolean {
  let alike = stringsAlike.get(value);
  if (alike === undefined) {
    const quoted = SCHEMA_1_1.tags.some((t) => !!t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test instanceof RegExp && t.test.test(value));
    alike = quoted || !readsDifferently(value);
    if (stringsAlike.size >= 100_000) stringsAlike.clear();
    stringsAlike.set(value, alike);
  }
  return alike;
}

const stringsAlike = new Map<string, boolean>();

/** A document of the output schema holding `source`'s contents and comments (taken from it), or an empty map. */
export function outputDocument(source?: Document): Document {
  const doc = new Document(new YAMLMap(), OUTPUT_DOCUMENT_OPTIONS);
  if (source) {
    doc.contents = source.contents;
    doc.commentBefore = source.commentBefore;
    doc.comment = source.comment;
  }
  return doc;
}

/** Renders a YAML document for the output: strict, deterministic, variables quoted. */
export function documentToYaml(doc: Document): string {
  return printDocument(doc).text;
}

/**
 * Prints a document for the output; `vouched` when the walk found it strict and alike in YAML 1.1
 * and 1.2: the caller may then `vouchForText` the text it writes, and PAL-004 does not parse it again.
 */
export function printDocument(doc: Document): { readonly text: string; readonly vouched: boolean } {
  const vouched = prepareForOutput(doc);
  return { text: doc.toString(STRINGIFY_OPTIONS), vouched };
}

/** Renders plain data as one YAML document. */
export function toYaml(value: PlainValue | object): string {
  return printData(value).text;
}

/** Renders several objects as a multi-document YAML stream (a manifest: vouched for PAL-004 when every document is). */
export function toYamlStream(values: readonly object[]): string {
  const printed = values.map(printData);
  const text = printed.map((p) => p.text).join('---\n');
  if (printed.every((p) => p.vouched)) vouchForText(text);
  return text;
}

/**
 * Plain data printed as one document. A fleet's sites print much the same objects (VM
 * templates, preferences, storage classes): each distinct one is printed once, found again by
 * its JSON, which costs a fraction of printing it.
 */
function printData(value: unknown): { readonly text: string; readonly vouched: boolean } {
  // One object used twice prints twice, never as an anchor and alias: the text depends on the data alone.
  const print = () => printDocument(new Document(value, { ...OUTPUT_DOCUMENT_OPTIONS, aliasDuplicateObjects: false }));
  const key = dataKey(value);
  return key === undefined ? print() : printedData.getOrSet(key, print);
}

const printedData = new LruCache<string, { readonly text: string; readonly vouched: boolean }>(512);

/**
 * Plain data as a text key that differs wherever the printed YAML would: a typed reference
 * stays apart from a map holding a `reference` key, and NaN, ±Infinity and -0 from null and 0.
 * Undefined for data JSON cannot tell apart (a Map, a Set, a Date, a class instance, a bigint):
 * such data is printed without a cache.
 */
export function dataKey(value: unknown): string | undefined {
  let plain = true;
  const key = JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    const own = this[k];
    // Cheapest tests first: this runs for every key and value printed.
    switch (typeof own) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(own) && !Object.is(own, -0) ? v : { '\u0000number': String(own) };
      case 'object': {
        if (own === null || Array.isArray(own)) return v;
        const proto: unknown = Object.getPrototypeOf(own);
        if (proto === Object.prototype || proto === null) return v;
        if (own instanceof UnquotedReference) return { '\u0000unquoted': own.reference };
        plain = false;
        return null;
      }
      case 'bigint':
        plain = false;
        return null;
      default:
        return v;
    }
  });
  return plain && key !== undefined ? key : undefined;
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
export function strictYamlProblems(text: string): YamlProblem[] {
  return strictYamlCache.getOrSet(text, () => strictYamlProblemsOnce(text));
}

/** Problems by text: computed once per text, or known to be none for texts printed from a document that passed prepareForOutput. */
const strictYamlCache = new LruCache<string, YamlProblem[]>(256);

/**
 * Records that a text printed from a checked document has no strict-YAML problem, so PAL-004
 * does not parse it again. Also for a text made of such a text and comment lines (a pack's
 * values after its enabled-presets header).
 */
export function vouchForText(text: string): void {
  if (text.startsWith('%')) return;
  strictYamlCache.set(text, []);
  // Written without its final newline too (a pack's values string): the same YAML.
  if (text.endsWith('\n')) strictYamlCache.set(text.slice(0, -1), []);
}

/** strictYamlProblems without the cache and without vouching: what parsing the text says. */
export function strictYamlProblemsOfText(text: string): YamlProblem[] {
  return strictYamlProblemsOnce(text);
}

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
/** Each plain text judged once; a plain Map, as a lookup happens per scalar printed. */
const plainReadings = new Map<string, boolean>();

/** True when a plain scalar's text resolves to another value (or type) in YAML 1.1 than in 1.2. */
function readsDifferently(source: string): boolean {
  let differs = plainReadings.get(source);
  if (differs === undefined) {
    const a = resolvePlain(SCHEMA_1_1, source);
    const b = resolvePlain(SCHEMA_1_2, source);
    differs = JSON.stringify(a) !== JSON.stringify(b) || String(a) !== String(b) || typeof a !== typeof b;
    if (plainReadings.size >= 100_000) plainReadings.clear();
    plainReadings.set(source, differs);
  }
  return differs;
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
