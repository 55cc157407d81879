import { readFileSync } from 'fs';
import { SettingPosition, SettingPositions } from '../common/yaml-setting-position';
import { LruCache } from '../palette/text-memo';

export type { SettingPosition };

/**
 * The position of a setting path in a site YAML file (see settingPositionInText); undefined
 * when the file does not write it (a default) or cannot be read. For CI annotations (`--json`)
 * and the text tables. Each file is read and parsed once for all its findings.
 */
export function settingPosition(file: string, setting: string): SettingPosition | undefined {
  return positionsOf(file)?.of(setting);
}

function positionsOf(file: string): SettingPositions | undefined {
  return parsedFiles.getOrSet(file, () => {
    try {
      return new SettingPositions(readFileSync(file, 'utf8'));
    } catch {
      return null;
    }
  }) ?? undefined;
}

const parsedFiles = new LruCache<string, SettingPositions | null>(16);
