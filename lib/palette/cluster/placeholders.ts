import { ValidationError } from '../../common/errors';

/**
 * Named placeholders in the cluster's API payload for what only Palette (or the deployer)
 * knows: the uid of each imported profile, of the cloud account and of the backup location,
 * and the value of each input variable. A placeholder is a whole JSON string
 * `<kind:key>`; whoever deploys (palette-vmo deploy, push) fills it.
 */
export type PlaceholderKind = 'profile-uid' | 'cloud-account-uid' | 'backup-location-uid' | 'variable';

export interface Placeholder {
  readonly kind: PlaceholderKind;
  /** `name@version` for a profile, the name otherwise. */
  readonly key: string;
}

const PATTERN = /^<(profile-uid|cloud-account-uid|backup-location-uid|variable):([^<>]+)>$/;

/** The placeholder text for a kind and key. */
export function placeholder(kind: PlaceholderKind, key: string): string {
  if (/[<>]/.test(key)) throw new ValidationError(`'${key}' cannot name a ${kind}: remove '<' and '>'`);
  return `<${kind}:${key}>`;
}

/** The placeholder of a profile's uid: `<profile-uid:NAME@VERSION>`. */
export function profileUidPlaceholder(name: string, version: string): string {
  return placeholder('profile-uid', `${name}@${version}`);
}

/** The placeholder a string is, or undefined. */
export function parsePlaceholder(text: string): Placeholder | undefined {
  const m = PATTERN.exec(text);
  return m ? { kind: m[1] as PlaceholderKind, key: m[2] } : undefined;
}

/** Every placeholder in a JSON value, each once, in document order. */
export function placeholdersIn(value: unknown): Placeholder[] {
  const seen = new Map<string, Placeholder>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const p = parsePlaceholder(v);
      if (p) seen.set(v, p);
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (typeof v === 'object' && v !== null) {
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return [...seen.values()];
}

/**
 * A copy of a JSON value with each placeholder replaced by `fill(placeholder)`; a placeholder
 * `fill` returns undefined for stays as it is.
 */
export function fillPlaceholders<T>(value: T, fill: (p: Placeholder) => string | undefined): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const p = parsePlaceholder(v);
      return p ? (fill(p) ?? v) : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
