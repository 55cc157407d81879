/**
 * Parses Mermaid diagrams with Mermaid's own parser (the `mermaid` package GitHub renders
 * with), offline: reads a JSON array of diagram texts on stdin and prints a JSON array of
 * `{ ok: true, type }` or `{ ok: false, error }`. Mermaid is an ES module that needs a DOM
 * (DOMPurify) even to parse, so it runs here, in its own Node process, with jsdom's window;
 * jest (CommonJS) calls it through test/support/mermaid.ts.
 */
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const diagrams = JSON.parse(input);
const results = [];
for (const text of diagrams) {
  try {
    const parsed = await mermaid.parse(text);
    results.push({ ok: true, type: parsed.diagramType });
  } catch (e) {
    results.push({ ok: false, error: String(e?.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(results));
