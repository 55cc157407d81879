import { lstatSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/**
 * The ownership marker: every site folder the writer writes holds this file, and the writer
 * replaces or prunes only folders that hold it. Its text is deterministic (no time, no
 * version), so committed output does not churn.
 */
export const OUTPUT_MARKER_FILE = '.palette-vmo-site';

const MARKER_HEADER = '# Written by cdk8s-palette-vmo. This folder is replaced on every synth: do not edit it or add files to it.';

/** The marker's text: the site, and the file that defines it (relative to the output folder) when known. */
export function markerText(site: string, source?: string): string {
  return `${MARKER_HEADER}\nsite: ${site}\n${source !== undefined ? `source: ${source}\n` : ''}`;
}

/** What a site folder is, as far as the writer is concerned. */
export type SiteFolderState =
  | { readonly kind: 'absent' }
  /** Holds the marker; `source` is the defining file as the marker records it. */
  | { readonly kind: 'marked'; readonly source?: string }
  /** No marker, but exactly the files a writer before markers wrote: replaced, never pruned. */
  | { readonly kind: 'legacy' }
  /** Anything else: a file, a link, a folder someone else wrote. Never replaced. */
  | { readonly kind: 'foreign'; readonly why: string };

/** The top-level entries of a site folder written before markers existed. */
const LEGACY_ENTRIES = new Set(['profiles', 'manifests', 'variables.yaml', 'checks.json']);

export function siteFolderState(path: string): SiteFolderState {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { kind: 'absent' };
  }
  if (stat.isSymbolicLink()) return { kind: 'foreign', why: 'is a symbolic link' };
  if (!stat.isDirectory()) return { kind: 'foreign', why: 'is a file' };
  const marker = join(path, OUTPUT_MARKER_FILE);
  let text: string | undefined;
  try {
    if (lstatSync(marker).isFile()) text = readFileSync(marker, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined && text.startsWith(MARKER_HEADER)) {
    const source = /^source: (.+)$/m.exec(text)?.[1];
    return source !== undefined ? { kind: 'marked', source } : { kind: 'marked' };
  }
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch {
    return { kind: 'foreign', why: 'cannot be read' };
  }
  if (entries.includes('checks.json') && entries.includes('profiles') && entries.every((e) => LEGACY_ENTRIES.has(e))) return { kind: 'legacy' };
  return { kind: 'foreign', why: `has no ${OUTPUT_MARKER_FILE} marker` };
}
