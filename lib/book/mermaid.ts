/*
 * Mermaid `flowchart` text for the site book. GitHub renders fenced mermaid blocks in a
 * sanitized context, so the diagrams keep to plain flowcharts with quoted labels
 * (docs/site-book.md §4.3): node ids are numbered (never a reserved word such as `end`),
 * labels are always quoted, and a quote, `#`, `<` or `>` in a label is written as a numeric entity (`#34;`).
 */

/**
 * Node ids of one diagram: a prefix and a number per key, in the order asked, so a name can
 * never collide with another or with a Mermaid keyword, and the same site gives the same ids.
 */
export class NodeIds {
  private readonly ids = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  /** The id of a key, given on first use. */
  public of(key: string): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `${this.prefix}${this.ids.size + 1}`;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** A quoted label; lines join with `<br/>`. */
export function label(...lines: readonly string[]): string {
  const text = lines
    .filter((l) => l !== '')
    .map((l) => l.replace(/#/g, '#35;').replace(/"/g, '#34;').replace(/</g, '#60;').replace(/>/g, '#62;'))
    .join('<br/>');
  return `"${text}"`;
}

/** The shapes the diagrams use. */
export type NodeShape = 'box' | 'round' | 'subroutine' | 'cylinder' | 'hexagon';

/** A node statement: `id["label"]` in the shape's brackets. */
export function node(id: string, text: string, shape: NodeShape = 'box'): string {
  const [open, close] = { box: ['[', ']'], round: ['(', ')'], subroutine: ['[[', ']]'], cylinder: ['[(', ')]'], hexagon: ['{{', '}}'] }[shape];
  return `${id}${open}${text}${close}`;
}

/** An edge statement, with a pipe label when given (the form every Mermaid parser takes). */
export function edge(from: string, to: string, text?: string): string {
  return text === undefined ? `${from} --> ${to}` : `${from} -->|${label(text)}| ${to}`;
}

/** A flowchart: its direction and indented statements. */
export function flowchart(direction: 'LR' | 'TB', statements: readonly string[]): string[] {
  return [`flowchart ${direction}`, ...statements.map((s) => `  ${s}`)];
}

/** A subgraph around statements, indented one level. */
export function subgraph(id: string, title: string, statements: readonly string[], direction?: 'LR' | 'TB'): string[] {
  return [`subgraph ${id}[${label(title)}]`, ...(direction ? [`  direction ${direction}`] : []), ...statements.map((s) => `  ${s}`), 'end'];
}
