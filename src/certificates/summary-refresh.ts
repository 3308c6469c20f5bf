import type Database from 'better-sqlite3';
import type { IsoDate } from '../shared/dates.ts';
import type { CertificateWriter, WriteContext } from './certificate-writer.ts';

/** Certificates recomputed per transaction: short enough that lookups and imports wait little. */
export const REFRESH_CHUNK_SIZE = 5_000;

export interface RefreshProgress {
  /** Certificates selected when the run began. */
  total: number;
  checked: number;
  changed: number;
}

export interface RefreshOptions {
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
export type RefreshCounts = ({ due: number } | { all: number }) & { checked: number; changed: number };

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

  constructor(
    sqlite: Database.Database,
    private readonly writer: CertificateWriter,
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

  /** Every certificate: after the sources configuration ranks sources differently. */
  async refreshAll(today: IsoDate, options: RefreshOptions = {}): Promise<RefreshCounts> {
    const all = this.allCount.get()!;
    const counts = await this.refreshChunks((afterId, limit) => this.allIds.all(afterId, limit), all, today, options);
    return { all, ...counts };
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
      const report = this.writer.refreshSummaries(ids, today, context);
      checked += report.checked;
      changed += report.touched.length;
      afterId = ids[ids.length - 1]!;
      options.onProgress?.({ total, checked, changed });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { checked, changed };
  }
}
