import type { NormaliseResult } from './number.types.ts';

export type Normaliser = (input: string, options: { currentYear: number }) => NormaliseResult;

/**
 * Remembers the number engine's answer for recent `zczbhhzbapzbh` texts. A certificate has one
 * DI per model, often hundreds in a row, so most lookups repeat; the cap keeps memory flat.
 */
export class NumberCache {
  private readonly entries = new Map<string, NormaliseResult>();

  constructor(
    private readonly normalise: Normaliser,
    private readonly currentYear: number,
    private readonly capacity = 50_000,
  ) {}

  get(text: string): NormaliseResult {
    const hit = this.entries.get(text);
    if (hit) return hit;
    const result = this.normalise(text, { currentYear: this.currentYear });
    // Map keeps insertion order: dropping the first key drops the oldest entry.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(text, result);
    return result;
  }
}

/** A bounded set of recently seen keys, oldest dropped first. */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 100_000) {}

  /** True the first time a key is seen (since it was last dropped). */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    if (this.keys.size >= this.capacity) this.keys.delete(this.keys.values().next().value!);
    this.keys.add(key);
    return true;
  }
}
