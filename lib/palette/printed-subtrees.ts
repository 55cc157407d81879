import { Document, isMap, isScalar, isSeq, Node, Pair, parseDocument, Scalar, visit, YAMLMap } from 'yaml';
import { textHash } from '../common/text-hash';
import { isPlainObject, PlainValue } from './values';
import { OUTPUT_DOCUMENT_OPTIONS, printDocument } from './yaml-format';

/*
 * Printing a pack's complete defaults is most of what rendering a layer costs the first time
 * (Cilium's 37 KB of values: about 50 ms, a tenth of a one-site `palette-vmo validate`), and a
 * site changes a few dozen of its thousands of keys. `npm run build` therefore prints the large
 * parts of each built-in pack's defaults ahead of time (pack-cache.ts stores them with the parsed
 * document), and a layer prints only what its recipe touches, the untouched parts spliced in as
 * printed. A part is stored only when splicing it gives exactly the text that printing the whole
 * document gives (checked at build time), so the output is the same bytes either way.
 */

/** One part of a document printed ahead of time: the value of the map key at `path`, a block map or list. */
export interface PrintedSubtree {
  /** Map keys from the top of the document. */
  readonly path: readonly string[];
  /** The part as printed on its own (indentation 0), ending with a newline. */
  readonly text: string;
  /** printDocument vouched for the part (strict YAML that 1.1 and 1.2 read alike). */
  readonly vouched: boolean;
}

/**
 * What the printer makes of a sample of what pack defaults hold (quoting for YAML 1.1, block
 * texts with each chomping, comments, blank lines, flow and block collections, variable
 * references), hashed: parts printed by another printer are not used. `npm run build` prints
 * the parts again every time; this catches code that runs against another build's parts.
 */
export function printerStamp(): string {
  stamp ??= textHash(printDocument(parseDocument(STAMP_SAMPLE, OUTPUT_DOCUMENT_OPTIONS)).text);
  return stamp;
}

const STAMP_SAMPLE = [
  '# a comment before',
  "a: [yes, '0644', '1:20', on, ~, '', 'x: y', '- z', \"it's\", '{{ .spectro.var.v }}']",
  'b:',
  '  # a comment inside',
  '  c:',
  '    - { d: 1.5, e: null, f: true }',
  '    - [ g, h ]',
  '',
  '  i: {}',
  '  j: |-',
  '    one',
  '  k: |+',
  '    two',
  '',
  '  l: >',
  '    three four',
  '  m: "tab\\there" # trailing',
  "h.i: 'j # k'",
  'n: 2024-01-01',
  '',
].join('\n');

let stamp: string | undefined;

/** Smaller parts are printed with the rest: storing them would grow the cache more than it saves. */
const MIN_CHARS = 256;
/** Stands in for a part while the rest prints: plain text on the key's line that no YAML reader would type. */
const PLACEHOLDER = 'palette-vmo-printed-part-';
const INDENT = '  ';

/**
 * The large parts of `doc` that splice back exactly, outermost first (build time). Each is the
 * block map or list under a chain of string map keys. `doc` is not changed.
 */
export function printedSubtreesOf(doc: Document): PrintedSubtree[] {
  // An alias prints only beside its anchor: such defaults (rare) print whole.
  let aliased = false;
  visit(doc, { Alias: () => void (aliased = true) });
  if (aliased) return [];
  const whole = printDocument(doc.clone()).text;
  const candidates: { path: string[]; node: Node }[] = [];
  collect(doc.contents, [], candidates);
  const accepted: PrintedSubtree[] = [];
  const byDepth = new Map<number, { path: string[]; node: Node }[]>();
  for (const c of candidates) byDepth.set(c.path.length, [...(byDepth.get(c.path.length) ?? []), c]);
  for (const group of byDepth.values()) {
    // A part ending in a blank line (a `|+` text) changes how the next key prints: printed whole.
    const parts = group.map((c) => printPart(c.path, c.node)).filter((p) => p.text.length >= MIN_CHARS && !/\n[ \t]*\n$/.test(p.text));
    // Parts at one depth are apart from each other: first try them all at once, then one by one.
    if (splicesExactly(doc, parts, whole)) accepted.push(...parts);
    else accepted.push(...parts.filter((p) => splicesExactly(doc, [p], whole)));
  }
  return accepted.sort((a, b) => a.path.length - b.path.length);
}

function collect(node: unknown, path: string[], out: { path: string[]; node: Node }[]): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key !== 'string') continue;
    const value = pair.value;
    if ((isMap(value) || isSeq(value)) && !value.flow && value.items.length > 0) {
      out.push({ path: [...path, key], node: value });
      collect(value, [...path, key], out);
    }
  }
}

function printPart(path: string[], node: Node): PrintedSubtree {
  const { text, vouched } = printDocument(new Document(node.clone(), OUTPUT_DOCUMENT_OPTIONS));
  return { path, text, vouched };
}

/** True when printing `doc` with `parts` standing in and splicing them back gives `whole`. */
function splicesExactly(doc: Document, parts: readonly PrintedSubtree[], whole: string): boolean {
  const copy = doc.clone();
  const spliced = printSpliced(copy, parts);
  return spliced !== undefined && spliced.text === whole;
}

/**
 * Prints `doc` (as printDocument does) with each of `parts` spliced in for the value at its path
 * (a part whose path the document does not have is left out); undefined when the text does not
 * show where a part goes. The document is as it was afterwards.
 */
export function printSpliced(doc: Document, parts: readonly PrintedSubtree[]): { readonly text: string; readonly vouched: boolean } | undefined {
  const swapped: { pair: Pair; value: unknown; part: PrintedSubtree }[] = [];
  try {
    for (const part of parts) {
      const pair = pairAt(doc, part.path);
      if (!pair) continue;
      pair.value = new Scalar(`${PLACEHOLDER}${swapped.push({ pair, value: pair.value, part }) - 1}`);
    }
    const printed = printDocument(doc);
    let text = printed.text;
    for (const [i, { part }] of swapped.entries()) {
      const stand = `: ${PLACEHOLDER}${i}\n`;
      const at = text.indexOf(stand);
      if (at < 0 || text.indexOf(stand, at + 1) >= 0) return undefined;
      const indent = INDENT.repeat(part.path.length);
      const block = part.text.replace(/^(?=.)/gm, indent);
      text = `${text.slice(0, at)}:\n${block}${text.slice(at + stand.length)}`;
    }
    return { text, vouched: printed.vouched && swapped.every((s) => s.part.vouched) };
  } finally {
    for (const { pair, value } of swapped.reverse()) pair.value = value;
  }
}

/** The pair whose key is the last of `path`, in the map the keys before it lead to. */
function pairAt(doc: Document, path: readonly string[]): Pair | undefined {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    pair = (node as YAMLMap).items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
    if (!pair) return undefined;
    node = pair.value;
  }
  return pair;
}

/**
 * The key paths a layer's recipe writes, and those it replaces or removes (everything below them
 * changes): a printed part is still the defaults' when the recipe writes nothing inside it and
 * replaces none of its ancestors.
 */
export class RecipePaths {
  private readonly touched = new Set<string>();
  private readonly replaced = new Set<string>();
  private everything = false;

  /** Values merged at `keys` (mergeIn). */
  public merge(keys: readonly string[], value: PlainValue): void {
    if (keys.length === 0 && !isPlainObject(value)) {
      this.everything = true;
      return;
    }
    if (keys.length > 0) this.touch(keys);
    if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) this.merge([...keys, k], v as PlainValue);
    } else {
      this.replaced.add(pathKey(keys));
    }
  }

  /** A key removed (deleteIn) or set outright (setIn). */
  public replace(keys: readonly string[]): void {
    this.touch(keys);
    this.replaced.add(pathKey(keys));
  }

  /** The parts the recipe leaves as the defaults have them, outermost first, none inside another. */
  public untouched(parts: readonly PrintedSubtree[]): PrintedSubtree[] {
    if (this.everything) return [];
    const chosen: PrintedSubtree[] = [];
    for (const part of parts) {
      if (this.touched.has(pathKey(part.path))) continue;
      if (part.path.some((_, i) => i < part.path.length - 1 && this.replaced.has(pathKey(part.path.slice(0, i + 1))))) continue;
      if (chosen.some((c) => c.path.length < part.path.length && c.path.every((k, i) => part.path[i] === k))) continue;
      chosen.push(part);
    }
    return chosen;
  }

  private touch(keys: readonly string[]): void {
    for (let i = 1; i <= keys.length; i++) this.touched.add(pathKey(keys.slice(0, i)));
  }
}

function pathKey(keys: readonly string[]): string {
  return keys.join('\u0000');
}
