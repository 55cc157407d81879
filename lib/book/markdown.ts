/*
 * The few Markdown forms the site book writes (GitHub-flavoured): tables, lists, code blocks.
 * Every cell is escaped here, so a value from a site file can never break a table.
 */

/** A table cell: `|` escaped, line breaks as `<br>`, empty as an em dash. */
export function cell(text: string | number | undefined): string {
  const s = text === undefined ? '' : String(text);
  if (s.trim() === '') return '—';
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A table: a header row, the separator and one row per entry. */
export function table(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string[] {
  const line = (cells: readonly (string | number | undefined)[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}

/** Inline code, with a backtick in the text handled by a longer fence. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block of the given language. */
export function codeBlock(language: string, lines: readonly string[]): string[] {
  const fence = lines.some((l) => l.startsWith('```')) ? '````' : '```';
  return [`${fence}${language}`, ...lines, fence];
}

/** The anchor GitHub gives a heading: lowercase, punctuation dropped, blanks as dashes. */
export function headingAnchor(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** `1,022`: thousands separated, as the RA writes counts. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
