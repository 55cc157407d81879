/**
 * A cache that forgets the entries used least recently. The checks and the values of a fleet's
 * sites recur: most layers write the same text on every site (Cilium's 37 KB of values), a few
 * write a text of their own per site (the OS layer's addresses). Recurring entries stay; one-off
 * ones pass through, so memory stays bounded however many sites a run has.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly maxEntries: number) {}

  public get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  public set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** The cached value, or `compute()` cached. */
  public getOrSet(key: K, compute: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }
}

/**
 * A bounded cache for pure functions of a text. The site checks parse the same values
 * strings and manifests many times (several rules each, once per profile that stacks the
 * layer, and once per site of a fleet); parsing each text once keeps checking linear and
 * cheap. Results are shared: callers must treat them as read-only.
 */
export function memoizeByText<T>(fn: (text: string) => T, maxEntries = 256): (text: string) => T {
  const cache = new LruCache<string, { value: T }>(maxEntries);
  return (text: string) => cache.getOrSet(text, () => ({ value: fn(text) })).value;
}

/**
 * Caches kept per owner object (a pack version's defaults, a changes result): each owner gets
 * an LRU cache of `maxEntries`, dropped with the owner.
 */
export class LruCachesByOwner<V> {
  private readonly caches = new WeakMap<object, LruCache<string, V>>();

  constructor(private readonly maxEntries: number) {}

  /** The owner's cached value for `key`, or `compute()` cached. */
  public getOrSet(owner: object, key: string, compute: () => V): V {
    let cache = this.caches.get(owner);
    if (!cache) {
      cache = new LruCache(this.maxEntries);
      this.caches.set(owner, cache);
    }
    return cache.getOrSet(key, compute);
  }
}
