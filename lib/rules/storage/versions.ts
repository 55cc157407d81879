/** `1.32.4` -> [1, 32, 4]; undefined unless the text is dotted whole numbers (a leading `v` is allowed). */
export function parseVersion(text: unknown): number[] | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^v?(\d+(?:\.\d+)*)(?:[-+].*)?$/.exec(text.trim());
  return m ? m[1].split('.').map(Number) : undefined;
}

/** Numeric comparison, missing parts counting as 0: compareVersions([1,32,10], [1,32,9]) > 0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
