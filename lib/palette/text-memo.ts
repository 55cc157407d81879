/**
 * A bounded cache for pure functions of a text. The site checks parse the same values
 * strings and manifests many times (several rules each, and once per profile that stacks
 * the layer); parsing each text once keeps checking linear and cheap. Results are shared:
 * callers must treat them as read-only.
 */
export function memoizeByText<T>(fn: (text: string) => T, maxEntries = 2000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(text, value);
    return value;
  };
}
