import { readFileSync } from 'fs';
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ValidationError } from '../common/errors';
import { cachedDocument, writeCachedDocument } from './pack-cache';
import { PRESET_HEADER_PREFIX } from './pack-preset';
import type { PrintedSubtree } from './printed-subtrees';
import { PlainValue } from './values';

/**
 * Parses one of a pack's YAML files (values.yaml, presets.yaml, schema.yaml) the way
 * Palette's Go reader does (YAML 1.1, unique keys). A syntax error is a user mistake:
 * a ValidationError naming the file, line and column.
 */
export function parsePackYaml(text: string, source: string, lineCounter = new LineCounter()): Document {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ValidationError(`${source} is not valid YAML at line ${line}, column ${col} (${error.message.split('\n')[0]}): fix the YAML syntax`);
  }
  return doc;
}

/**
 * The complete default values.yaml of one pack version, as a user exports it from their
 * Palette (`GET /v1/packs/{uid}?includePackValues=true`) or as the pack catalog holds it.
 * Presets and overrides apply on top of it; its comments are kept. A leading
 * enabled-presets header is dropped from the values (the layer writes its own from the
 * presets it enables) and kept as `enabledPresets`: the choices these defaults embody.
 *
 * The text is parsed once; each `toDocument()` hands out a clone of that parse. A synth
 * renders each pack once per profile of every site, and for Cilium's 37 KB defaults a parse
 * takes about 30 ms, `Document.clone()` about 7 ms and `cloneDocument` below about 1 ms
 * (scripts/time-pack-defaults.ts).
 */
export class PackDefaults {
  /**
   * @param cacheFile a pack cache entry (lib/palette/pack-cache.ts) that may hold this text
   *   already parsed; used only when it was made from exactly this text. @default none
   */
  public static fromYaml(text: string, source = 'pack defaults', cacheFile?: string): PackDefaults {
    return new PackDefaults(text, source, cacheFile);
  }

  /** Parses a values.yaml and stores the result in a pack cache entry; false when it cannot be cached exactly. */
  public static writeCache(text: string, source: string, cacheFile: string): boolean {
    const { body } = splitHeader(text);
    return writeCachedDocument(cacheFile, body, parsePackYaml(body, source), parsePackYaml('', source));
  }

  public static fromFile(path: string): PackDefaults {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new ValidationError(`cannot read pack defaults '${path}': ${(e as Error).message}`);
    }
    return new PackDefaults(text, path);
  }

  public static fromObject(values: { [key: string]: PlainValue }): PackDefaults {
    return new PackDefaults(new Document(values).toString(), 'pack defaults');
  }

  /** Where the defaults come from (a file path or a label), for messages. */
  public readonly source: string;
  /**
   * The presets the text's enabled-presets header records, in header order (`[]` without a
   * header). The built-in catalog keeps each published header (packs/README.md). Palette's UI
   * shows these as selected, and a layer's header keeps them for the groups it leaves alone.
   */
  public readonly enabledPresets: readonly { readonly group: string; readonly name: string }[];
  /** Large parts of the defaults printed ahead of time (built-in catalog only; printed-subtrees.ts). */
  public readonly printedSubtrees: readonly PrintedSubtree[];
  private readonly parsed: Document;
  private frozenValues?: { readonly [key: string]: PlainValue };

  private constructor(text: string, source: string, cacheFile?: string) {
    this.source = source;
    const { header, body } = splitHeader(text);
    this.enabledPresets = header === undefined ? [] : parseHeader(header);
    const cached = cacheFile !== undefined ? cachedDocument(cacheFile, body, parsePackYaml('', source)) : undefined;
    this.parsed = cached?.doc ?? parsePackYaml(body, source);
    this.printedSubtrees = cached?.printed ?? [];
    if (this.parsed.contents !== null && !isMap(this.parsed.contents)) {
      throw new ValidationError(`${source}: the top level is not a map of keys: a pack's values.yaml maps keys to values (an empty file is fine)`);
    }
  }

  /** A fresh, mutable YAML document of the defaults (comments kept). */
  public toDocument(): Document {
    return cloneDocument(this.parsed);
  }

  /** The defaults as plain data; an empty (or all-comment) values.yaml is `{}`. */
  public toValues(): { [key: string]: PlainValue } {
    return (this.parsed.toJS() as { [key: string]: PlainValue } | null) ?? {};
  }

  /**
   * The defaults as plain data, built once and frozen: every site's layer compares its values
   * with the same object (the review file, PAL-009), instead of converting the document again.
   */
  public get values(): { readonly [key: string]: PlainValue } {
    this.frozenValues ??= deepFreeze(this.toValues());
    return this.frozenValues;
  }

  public toString(): string {
    return `PackDefaults(${this.source})`;
  }
}

/** Freezes plain data all the way down, so a value shared between sites cannot be changed by one of them. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The enabled-presets header line, and the text with that line emptied (so line numbers in messages match the file). */
function splitHeader(text: string): { header?: string; body: string } {
  const lines = text.split('\n');
  const header = lines[0]?.startsWith(PRESET_HEADER_PREFIX.trim()) ? lines[0].slice(PRESET_HEADER_PREFIX.trim().length) : undefined;
  return header !== undefined ? { header, body: ['', ...lines.slice(1)].join('\n') } : { body: text };
}

/** `Group A:name-a,Group B:name-b` -> pairs; the group is everything before an item's last colon. */
function parseHeader(text: string): { group: string; name: string }[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.includes(':'))
    .map((item) => ({ group: item.slice(0, item.lastIndexOf(':')), name: item.slice(item.lastIndexOf(':') + 1) }));
}

/**
 * A deep copy of a parsed document. The yaml package's `clone()` copies each node through
 * property descriptors, which dominates a render; building the nodes with their constructors
 * is about seven times faster. Node kinds other than plain maps, lists, scalars and aliases
 * (e.g. YAML 1.1 `!!set`, `!!omap`) fall back to `clone()`.
 */
function cloneDocument(doc: Document): Document {
  const contents = doc.contents;
  doc.contents = null;
  try {
    const copy = doc.clone();
    copy.contents = cloneNode(contents) as typeof contents;
    return copy;
  } finally {
    doc.contents = contents;
  }
}

function cloneNode(node: unknown): unknown {
  if (isScalar(node)) {
    const copy = Object.assign(new Scalar(node.value), node);
    if (node.range) copy.range = [node.range[0], node.range[1], node.range[2]];
    return copy;
  }
  if (isMap(node) && node.constructor === YAMLMap) {
    return Object.assign(new YAMLMap(node.schema), node, { items: node.items.map((pair) => cloneNode(pair)) });
  }
  if (isSeq(node) && node.constructor === YAMLSeq) {
    return Object.assign(new YAMLSeq(node.schema), node, { items: node.items.map((item) => cloneNode(item)) });
  }
  if (isPair(node)) return new Pair(cloneNode(node.key), cloneNode(node.value));
  if (isAlias(node)) return Object.assign(new Alias(node.source), node);
  if (isMap(node) || isSeq(node)) return node.clone();
  return node;
}
