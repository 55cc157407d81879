import { readFileSync } from 'fs';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';

/** Where a setting is written in a site file: 1-based line and column. */
export interface SettingPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * The position of a setting path (`kubernetes.podCidr`, `templates.networks[1].vlan`) in a
 * site YAML file, or of the nearest parent that is written; undefined when the file does not
 * write it (a default) or cannot be read. For CI annotations (`--json`).
 */
export function settingPosition(file: string, setting: string): SettingPosition | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const path = setting.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  let node: unknown = doc.contents;
  let found: Node | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === part);
      if (!pair) break;
      found = (isScalar(pair.key) ? pair.key : found) as Node | undefined;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(part)) {
      const item = node.items[Number(part)];
      if (item === undefined) break;
      found = item as Node;
      node = item;
    } else {
      break;
    }
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
