import { databaseBusy } from './database.errors.ts';

/**
 * The server's connection waits this long, synchronously, for another process's write lock
 * before SQLite gives up with SQLITE_BUSY: long enough to slip into the gap an importer leaves
 * between two batches, short enough that the event loop never notices. Waiting longer is
 * `WriteLock`'s job, on timers.
 */
export const SERVING_BUSY_TIMEOUT_MS = 3;

/**
 * Retries start at this and double up to `MAX_RETRY_MS`, each jittered to between half and all of
 * it. The cap stays below an importer's pause between batches (`imports/import-session.ts`), so a
 * waiting writer always finds the lock free in one of them.
 */
const FIRST_RETRY_MS = 2;
const MAX_RETRY_MS = 8;

/**
 * SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY …), told by the
 * code better-sqlite3's SqliteError carries: checking its class would load the driver into
 * commands that never open the database (`certref numbers`).
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

interface Waiter {
  attempt: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  deadline: number;
}

/**
 * Runs synchronous write transactions of one connection, waiting for another process's write lock
 * on timers instead of in SQLite's busy handler, which sleeps on the event loop. A write is tried at
 * once, so nothing is added when the lock is free; one that finds it taken joins a queue that a
 * single timer retries in order, until `waitMs` has passed for it: then it fails with
 * `database_busy` (503, Retry-After).
 *
 * An attempt must be one synchronous unit that either commits or rolls back whole (a transaction
 * or a single statement), since it may run again.
 */
export class WriteLock {
  private readonly waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;

  constructor(private readonly waitMs: number) {}

  run<T>(attempt: () => T): T | Promise<T> {
    try {
      return attempt();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ attempt, resolve: resolve as (value: unknown) => void, reject, deadline: performance.now() + this.waitMs });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = this.retryMs / 2 + Math.random() * (this.retryMs / 2);
    this.timer = setTimeout(() => this.retry(), wait);
  }

  /** The queue in order while the lock is free; whoever finds it taken waits for the next turn with those behind. */
  private retry(): void {
    this.timer = null;
    while (this.waiting.length > 0) {
      const waiter = this.waiting[0]!;
      try {
        waiter.resolve(waiter.attempt());
      } catch (error) {
        if (isDatabaseBusy(error)) break;
        waiter.reject(error);
      }
      this.waiting.shift();
    }
    const now = performance.now();
    for (const late of this.waiting.filter((waiter) => waiter.deadline <= now)) late.reject(databaseBusy());
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((waiter) => waiter.deadline > now));
    if (this.waiting.length === 0) {
      this.retryMs = FIRST_RETRY_MS;
      return;
    }
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.schedule();
  }
}
