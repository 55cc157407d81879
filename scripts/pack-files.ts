import { CST, Document, isMap, isScalar, isSeq, Lexer, parse, Scalar, visit } from 'yaml';
import { parsePackYaml } from '../lib/palette/pack-defaults';
import { PRESET_HEADER_PREFIX } from '../lib/palette/pack-preset';

/*
 * How the pack catalog's files are written from a pack's published files: keys and values
 * only. Comments are their authors' prose and stay out, including those inside presets'
 * `add:` blocks (YAML text inside YAML, so parsed and written again on their own). One
 * comment line is data, not prose: values.yaml's first line `# spectrocloud.com/enabled-presets:
 * <group>:<name>,...` is the preset selection Palette reads by machine (the defaults embody
 * those presets; its UI shows them as selected), so it is kept, as the first line. Scalars
 * keep their source style (quotes, block text), so the data reads the same in YAML 1.1 and
 * 1.2 as the source. Same input, same bytes.
 */

/** The files a catalog version folder holds. */
export const CATALOG_FILES = ['values.yaml', 'presets.yaml', 'schema.yaml', 'pack.json'] as const;
export type CatalogFile = (typeof CATALOG_FILES)[number];

/** No line folding, so a long value stays on one line and diffs stay line-stable (as lib/palette/yaml-format.ts). */
const STRINGIFY = { lineWidth: 0, minContentWidth: 0 } as const;

/** Writes one published file in the catalog's form. */
export function normalizePackFile(file: CatalogFile, text: string, source: string): string {
  switch (file) {
    case 'values.yaml': {
      const header = presetHeaderLine(text);
      const body = withoutComments(parsePackYaml(text, source));
      return header === undefined ? body : `${header}\n${body}`;
    }
    case 'schema.yaml':
      return withoutComments(parsePackYaml(text, source));
    case 'presets.yaml':
      return normalizePresets(text, source);
    case 'pack.json':
      return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  }
}

/**
 * The enabled-presets header of a values.yaml (its first line, trailing blanks trimmed), or
 * undefined without one. An empty selection (`# spectrocloud.com/enabled-presets:`) is kept too:
 * it says the defaults enable no preset.
 */
export function presetHeaderLine(text: string): string | undefined {
  const first = text.split('\n', 1)[0].replace(/\s+$/, '');
  return first.startsWith(PRESET_HEADER_PREFIX.trim()) ? first : undefined;
}

/** A values.yaml without its enabled-presets header line (the one comment the catalog keeps). */
export function withoutPresetHeader(text: string): string {
  return presetHeaderLine(text) === undefined ? text : text.slice(text.indexOf('\n') + 1);
}

/** A document without comments or blank lines; an empty document (all comments) is `{}`. */
function withoutComments(doc: Document): string {
  doc.commentBefore = null;
  doc.comment = null;
  visit(doc, {
    Node(_key, node) {
      node.commentBefore = undefined;
      node.comment = undefined;
      node.spaceBefore = undefined;
    },
  });
  return doc.contents === null ? '{}\n' : doc.toString(STRINGIFY);
}

/** presets.yaml without comments; each `add` block rewritten without its comments. */
function normalizePresets(text: string, source: string): string {
  const doc = parsePackYaml(text, source);
  const presets = isMap(doc.contents) ? doc.contents.get('presets', true) : undefined;
  for (const item of isSeq(presets) ? presets.items : []) {
    const add = isMap(item) ? item.get('add', true) : undefined;
    if (!isScalar(add) || typeof add.value !== 'string' || add.value === '') continue;
    const block = withoutComments(parsePackYaml(add.value, `${source} add block`));
    if (block === '{}\n') {
      // An add block of comments only adds nothing: Palette's empty form.
      add.value = '';
      add.type = Scalar.QUOTE_DOUBLE;
    } else {
      add.value = block;
      add.type = Scalar.BLOCK_LITERAL;
    }
  }
  return withoutComments(doc);
}

/** Every comment in a YAML text, as the YAML lexer sees it (`#` inside text blocks and quotes is data). */
export function yamlComments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => CST.tokenType(token) === 'comment');
}

/**
 * A file's data for comparing a source with its catalog form: YAML parsed with the given
 * YAML version (an empty document is `{}`), presets' `add` blocks parsed too, JSON parsed.
 */
export function packFileData(file: CatalogFile, text: string, version: '1.1' | '1.2'): unknown {
  if (file === 'pack.json') return JSON.parse(text);
  const data: unknown = parse(text, { version }) ?? {};
  if (file !== 'presets.yaml') return data;
  const presets = (data as { presets?: unknown }).presets;
  if (!Array.isArray(presets)) return data;
  return {
    ...(data as object),
    presets: presets.map((p: unknown) => {
      const entry = p as { add?: unknown };
      return typeof entry.add === 'string' ? { ...entry, add: parse(entry.add, { version }) ?? null } : p;
    }),
  };
}

/** Every way two files' data differ, as `path: a vs b` lines ([] when equal). */
export function dataDifferences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => dataDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : Object.is(a, b);
  return same ? [] : [`${path || '(root)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}


/** The `add` blocks of a presets.yaml, as text ([] for other files). */
export function addBlocks(file: CatalogFile, text: string): string[] {
  if (file !== 'presets.yaml') return [];
  const presets = (parse(text, { version: '1.1' }) as { presets?: unknown } | null)?.presets;
  return Array.isArray(presets) ? presets.map((p: { add?: unknown }) => p?.add).filter((a): a is string => typeof a === 'string') : [];
}
