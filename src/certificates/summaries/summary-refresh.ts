import type Database from 'better-sqlite3';
import type { ServiceState } from '../../db/service-state.ts';
import type { WriteLock } from '../../db/write-lock.ts';
import type { IsoDate } from '../../shared/dates.ts';
import type { CertificateWriter, WriteContext } from '../certificate-writer.ts';

/** Certificates recomputed per transaction: short enough that lookups and imports wait little. */
const REFRESH_CHUNK_SIZE = 5_000;

/** The service_state key holding the rules the stored summaries were last all computed under. */
const SUMMARY_RULES_KEY = 'summary_rules';

export interface RefreshProgress {
  /** Certificates selected when the run began. */
  total: number;
  checked: number;
  changed: number;
}

interface RefreshOptions {
  context?: WriteContext;
  chunkSize?: number;
  /** Called after each chunk has committed. */
  onProgress?: (progress: RefreshProgress) => void;
}

/**
 * What a run counted: the certificates it selected (`due`, or `all` after a change of ranking),
 * those it recomputed, and those whose summary differed and was rewritten (the search index and
 * the change log followed). A type, not an interface, so it is the job runner's `JobCounts` as it is.
 */
type RefreshCounts = ({ due: number } | { all: number }) & { checked: number; changed: number };

/**
 * Recomputes stored certificate summaries in chunks, each its own transaction through the
 * writer, yielding to the event loop between them so the server keeps answering. `refreshDue`
 * takes the certificates whose `summary_due` has come (a stored document took effect);
 * `refreshAll` takes every certificate (the ranking of sources changed).
 */
export class SummaryRefresher {
  private readonly dueIds: Database.Statement<[IsoDate, number, number], number>;
  private readonly dueCount: Database.Statement<[IsoDate], number>;
  private readonly allIds: Database.Statement<[number, number], number>;
  private readonly allCount: Database.Statement<[], number>;

  /** `rules`: what summaries are computed under now (summary-rules.ts). */
  constructor(
    sqlite: Database.Database,
    private readonly writer: CertificateWriter,
    private readonly state: ServiceState,
    private readonly rules: string,
    /** The server's job waits for an import's lock between chunks on timers, as requests do. */
    private readonly writes: WriteLock,
  ) {
    // INDEXED BY: without statistics the planner prefers walking the primary key over the whole
    // table; the partial index holds only certificates with a pending document.
    this.dueIds = sqlite
      .prepare<[IsoDate, number, number], number>(
        'SELECT id FROM certificates INDEXED BY certificates_summary_due_idx WHERE summary_due <= ? AND id > ? ORDER BY id LIMIT ?',
      )
      .pluck();
    this.dueCount = sqlite
      .prepare<[IsoDate], number>('SELECT count(*) FROM certificates INDEXED BY certificates_summary_due_idx WHERE summary_due <= ?')
      .pluck();
    this.allIds = sqlite.prepare<[number, number], number>('SELECT id FROM certificates WHERE id > ? ORDER BY id LIMIT ?').pluck();
    this.allCount = sqlite.prepare<[], number>('SELECT count(*) FROM certificates').pluck();
  }

  /** Every certificate whose summary is due on or before `today`. */
  async refreshDue(today: IsoDate, options: RefreshOptions = {}): Promise<RefreshCounts> {
    const due = this.dueCount.get(today)!;
    const counts = await this.refreshChunks((afterId, limit) => this.dueIds.all(today, afterId, limit), due, today, options);
    return { due, ...counts };
  }

  /**
   * Every certificate, then the current rules recorded as those the summaries follow. Runs by
   * itself when the rules changed (`refreshScheduled`); by hand, after editing the sources file
   * when the service is not restarted.
   */
  async refreshAll(today: IsoDate, options: RefreshOptions = {}): Promise<RefreshCounts> {
    const all = this.allCount.get()!;
    const counts = await this.refreshChunks((afterId, limit) => this.allIds.all(afterId, limit), all, today, options);
    this.state.set(SUMMARY_RULES_KEY, this.rules);
    return { all, ...counts };
  }

  /**
   * A database without certificates has no summary computed under older rules: it starts with the
   * current ones, so its first job run refreshes what is due, not everything.
   */
  adoptRulesWhenEmpty(): void {
    if (this.state.get(SUMMARY_RULES_KEY) === null && this.allCount.get() === 0) this.state.set(SUMMARY_RULES_KEY, this.rules);
  }

  /**
   * What the summary-refresh job does: every certificate when the stored summaries were computed
   * under other rules (an upgrade that changed them, a new ranking of sources, a database from
   * before this was recorded), else those due today.
   */
  async refreshScheduled(today: IsoDate, options: RefreshOptions = {}): Promise<RefreshCounts> {
    if (this.state.get(SUMMARY_RULES_KEY) !== this.rules) return this.refreshAll(today, options);
    return this.refreshDue(today, options);
  }

  /** Walks ids upwards, so a run ends even if a certificate stayed due. */
  private async refreshChunks(
    next: (afterId: number, limit: number) => number[],
    total: number,
    today: IsoDate,
    options: RefreshOptions,
  ): Promise<{ checked: number; changed: number }> {
    const chunkSize = options.chunkSize ?? REFRESH_CHUNK_SIZE;
    const context = options.context ?? { actor: 'system' };
    let checked = 0;
    let changed = 0;
    let afterId = 0;
    for (;;) {
      const ids = next(afterId, chunkSize);
      if (ids.length === 0) break;
      const report = await this.writes.run(() => this.writer.refreshSummaries(ids, today, context));
      checked += report.checked;
      changed += report.touched.length;
      afterId = ids[ids.length - 1]!;
      options.onProgress?.({ total, checked, changed });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { checked, changed };
  }
}
