import { readFileSync } from 'fs';
import { SettingPosition, settingPositionInText } from '../common/yaml-setting-position';

export type { SettingPosition };

/**
 * The position of a setting path in a site YAML file (see settingPositionInText); undefined
 * when the file does not write it (a default) or cannot be read. For CI annotations (`--json`).
 */
export function settingPosition(file: string, setting: string): SettingPosition | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return settingPositionInText(text, setting);
}
