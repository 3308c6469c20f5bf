import type Database from 'better-sqlite3';
import { LruMap } from '../shared/lru-map.ts';
import type { AutofillPayload } from './autofill.ts';

export const DATA_VERSION_CHECK_MS = 200;

/** One answer for one day; `body` is its JSON, made the first time the single lookup route sends it. */
export interface CachedAnswer {
  readonly today: string;
  readonly payload: AutofillPayload;
  body: Buffer | null;
}

/**
 * Recent auto-fill answers by match key, for the numbers forms ask about again and again.
 *
 * An answer depends on the certificate's versions and on today's date, so an entry is valid only
 * for the day it was made, is dropped when this process writes the certificate (writer hook), and
 * the whole cache is dropped when another process (a CLI import) commits to the database, which
 * SQLite's `data_version` reveals. Reading it costs about as much as a lookup, so it is read at
 * most every DATA_VERSION_CHECK_MS: another process's commit shows within that time.
 */
export class AutofillCache {
  private readonly entries: LruMap<string, CachedAnswer>;
  private readonly dataVersion: Database.Statement<[], number>;
  private seenDataVersion: number;
  private checkedAt = 0;

  constructor(
    sqlite: Database.Database,
    private readonly capacity: number,
  ) {
    this.entries = new LruMap(capacity);
    this.dataVersion = sqlite.prepare('PRAGMA data_version').pluck() as Database.Statement<[], number>;
    this.seenDataVersion = this.dataVersion.get()!;
  }

  get(matchKey: string, today: string): CachedAnswer | undefined {
    if (this.capacity === 0) return undefined;
    const now = Date.now();
    if (now - this.checkedAt >= DATA_VERSION_CHECK_MS) {
      this.checkedAt = now;
      const version = this.dataVersion.get()!;
      if (version !== this.seenDataVersion) {
        this.seenDataVersion = version;
        this.entries.clear();
        return undefined;
      }
    }
    const entry = this.entries.get(matchKey);
    return entry?.today === today ? entry : undefined;
  }

  set(matchKey: string, answer: CachedAnswer): void {
    this.entries.set(matchKey, answer);
  }

  invalidate(matchKeys: Iterable<string>): void {
    for (const key of matchKeys) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
