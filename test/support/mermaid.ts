import { spawnSync } from 'child_process';
import { join } from 'path';

/** What Mermaid's parser says about one diagram. */
export type MermaidParse = { readonly ok: true; readonly type: string } | { readonly ok: false; readonly error: string };

/** The text of every fenced ```mermaid block of a Markdown document, in order. */
export function mermaidBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const re = /^```mermaid\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) blocks.push(m[1]);
  return blocks;
}

/** Parses diagrams with the `mermaid` package, in one child process (test/support/mermaid-parse.mjs). */
export function parseMermaid(diagrams: readonly string[]): MermaidParse[] {
  const r = spawnSync(process.execPath, [join(__dirname, 'mermaid-parse.mjs')], { input: JSON.stringify(diagrams), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`mermaid-parse.mjs failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as MermaidParse[];
}
