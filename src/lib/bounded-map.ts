/** A Map that forgets its oldest entries beyond `limit`, for per-chat bookkeeping that must not grow forever. */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Stores `value` as the newest entry; returns the entry pushed out to stay within the limit, if any. */
  set(key: K, value: V): [K, V] | undefined {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size <= this.limit) return undefined;
    const oldest = this.map.keys().next().value as K;
    const evicted = this.map.get(oldest) as V;
    this.map.delete(oldest);
    return [oldest, evicted];
  }

  delete(key: K): void {
    this.map.delete(key);
  }
}
