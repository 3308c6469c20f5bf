import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { WriteLock } from '../db/write-lock.ts';
import type { EmbeddedSearchIndex } from './embedded/embedded-index.ts';

/** How far the embedded index is behind the certificates: nothing owed is `{ owed: 0, since: null }`. */
export interface SearchLag {
  /** Certificates a bulk import changed that search does not show as they now are. */
  owed: number;
  /** When the oldest of them was written: search reflects every change before this instant. */
  since: string | null;
}

export interface CatchUpReport {
  indexed: number;
  milliseconds: number;
}

interface CatchUpOptions {
  /**
   * Certificates per transaction. Each batch holds the write lock and this thread while it runs:
   * the server keeps it small enough not to stall lookups, a CLI import large.
   */
  batchSize: number;
  /** How often a started catch-up looks for debts another process (a CLI import) left. */
  pollMs?: number;
}

/**
 * Certificates per catch-up transaction in the composition root. Each batch blocks this thread
 * while SQLite builds its rows, so it is sized to stay short for the lookups the server answers.
 */
export const SEARCH_CATCH_UP_BATCH = 5_000;
/** For a process that answers nothing meanwhile: fewer, larger transactions. */
export const BULK_CATCH_UP_BATCH = 50_000;

/** Polling for another process's debts: a count every few seconds costs nothing. */
const DEFAULT_POLL_MS = 2_000;

/**
 * Indexes what bulk imports left owed (`search_owed`), after the import: at the end of a CLI
 * import, and in the server from the start (whatever a killed import left) and whenever the debt
 * has stopped growing between two looks (an import, here or in another process, has finished).
 * Lookups by number never wait for it: they read the certificates, not the index.
 */
export class SearchCatchUp {
  private readonly oldest: Database.Statement<[], string>;
  private readonly count: Database.Statement<[], number>;
  private running: Promise<CatchUpReport> | null = null;
  private stopping = false;

  constructor(
    sqlite: Database.Database,
    private readonly index: EmbeddedSearchIndex,
    private readonly writes: WriteLock,
    private readonly options: CatchUpOptions,
  ) {
    // By id: the first row is the oldest debt, read without a scan on every search.
    this.oldest = sqlite.prepare<[], string>('SELECT created_at FROM search_owed ORDER BY id LIMIT 1').pluck();
    this.count = sqlite.prepare<[], number>('SELECT count(*) FROM search_owed').pluck();
  }

  /** When the oldest debt was written, or null when search is in step: cheap enough for every search. */
  behindSince(): string | null {
    return this.oldest.get() ?? null;
  }

  /** The whole debt, counted: for /v1/status. */
  lag(): SearchLag {
    const since = this.behindSince();
    return { owed: since === null ? 0 : this.count.get()!, since };
  }

  /**
   * Indexes everything owed, a batch per transaction, letting the event loop run between batches.
   * Concurrent calls share one run. `batchSize` overrides the configured one: a process that
   * answers nothing meanwhile (the CLI) drains in fewer, larger transactions.
   */
  drain(batchSize = this.options.batchSize): Promise<CatchUpReport> {
    this.running ??= this.drainAll(batchSize).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainAll(batchSize: number): Promise<CatchUpReport> {
    const started = performance.now();
    let indexed = 0;
    while (!this.stopping) {
      const done = await this.writes.run(() => this.index.drainOwed(batchSize));
      if (done === 0) break;
      indexed += done;
      await yieldToLoop();
    }
    return { indexed, milliseconds: Math.round(performance.now() - started) };
  }

  /**
   * Catches up now, then whenever the debt stopped growing since the last look. Returns the
   * function that stops it, waiting for a batch in progress.
   */
  start(log: { info(message: string): void; error(error: unknown, message: string): void }): () => Promise<void> {
    let previous = -1;
    const catchUp = async (): Promise<void> => {
      const { owed } = this.lag();
      const settled = owed === previous;
      previous = owed;
      if (owed === 0 || !settled) return;
      try {
        const report = await this.drain();
        previous = -1;
        log.info(`搜索索引已补齐 ${report.indexed} 个证书（${(report.milliseconds / 1000).toFixed(1)} 秒） search index caught up`);
      } catch (error) {
        log.error(error, '搜索索引补齐失败，稍后重试 search catch-up failed; retrying later');
      }
    };
    // At start the debt is whatever a killed import left: nothing is adding to it, so it is settled.
    previous = this.lag().owed;
    let current = catchUp();
    const timer = setInterval(() => {
      current = current.then(catchUp);
    }, this.options.pollMs ?? DEFAULT_POLL_MS);
    timer.unref();
    return async () => {
      clearInterval(timer);
      // The batch in progress commits; what is still owed is drained at the next start.
      this.stopping = true;
      await current;
    };
  }
}
