import { readFileSync } from 'fs';
import { Document, parseDocument } from 'yaml';
import { ValidationError } from '../common/errors';
import { PRESET_HEADER_PREFIX } from './pack-preset';
import { PlainValue } from './values';

/**
 * The complete default values.yaml of one pack version, as a user exports it from their
 * Palette (`GET /v1/packs/{uid}?includePackValues=true`). Presets and overrides apply on
 * top of it; its comments are kept. A leading enabled-presets header is dropped: the
 * layer writes its own from the presets it enables.
 */
export class PackDefaults {
  public static fromYaml(text: string, source = 'pack defaults'): PackDefaults {
    return new PackDefaults(text, source);
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

  private readonly text: string;

  private constructor(text: string, private readonly source: string) {
    const lines = text.split('\n');
    this.text = lines[0]?.startsWith(PRESET_HEADER_PREFIX.trim()) ? lines.slice(1).join('\n') : text;
    const doc = this.toDocument();
    if (doc.errors.length) {
      throw new ValidationError(`${source} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    }
  }

  /** A fresh, mutable YAML document of the defaults. */
  public toDocument(): Document {
    return parseDocument(this.text, { version: '1.1', uniqueKeys: true, prettyErrors: false });
  }

  public toString(): string {
    return `PackDefaults(${this.source})`;
  }
}
