import { createHash } from 'crypto';

/** The SHA-256 of a text, hex: a text's identity in caches and across a run's sites. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
