import { stringify } from 'yaml';

/**
 * Presets and schema as YAML text: served text is kept as it is; structured data (some
 * answers carry parsed objects) is written as YAML; nothing or empty gives ''.
 */
export function structuredText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim() === '' ? '' : value;
  if (Array.isArray(value) && value.length === 0) return '';
  if (typeof value === 'object' && Object.keys(value).length === 0) return '';
  return stringify(value);
}
