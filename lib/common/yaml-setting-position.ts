import { Document, isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';

/** Where a setting is written in a YAML text: 1-based line and column, as editors show them. */
export interface SettingPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * The position of a setting path (`kubernetes.podCidr`, `templates.networks[1].vlan` or
 * `templates.networks.1.vlan`) in a YAML text, or of the nearest parent that is written;
 * undefined when the text writes none of it (a default).
 */
export function settingPositionInText(text: string, setting: string): SettingPosition | undefined {
  return new SettingPositions(text).of(setting);
}

/** Positions of settings in one YAML text, parsed once. */
export class SettingPositions {
  private readonly lineCounter = new LineCounter();
  private readonly doc: Document;

  constructor(text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lineCounter });
  }

  /** See settingPositionInText. */
  public of(setting: string): SettingPosition | undefined {
    return positionIn(this.doc, this.lineCounter, setting);
  }
}

function positionIn(doc: Document, lineCounter: LineCounter, setting: string): SettingPosition | undefined {
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
