import type Database from 'better-sqlite3';
import type { certificates } from '../certificates.table.ts';

/** The certificate columns the listing shows; `dates_known` arrives as SQLite's 0/1. */
export type ListingRow = Pick<
  typeof certificates.$inferSelect,
  | 'matchKey'
  | 'canonical'
  | 'family'
  | 'authority'
  | 'managementClass'
  | 'year'
  | 'productName'
  | 'holder'
  | 'approvalDate'
  | 'effectiveDate'
  | 'expiryDate'
  | 'currentVersionId'
  | 'updatedAt'
> & { datesKnown: number };

export interface ListingRequest {
  /** Match-key prefixes to walk, in match-key order ('' for every certificate). */
  prefixes: readonly string[];
  /** The last match key shown; null on the first page. */
  after: string | null;
  /** The walk's snapshot: certificates created after this change id are left out. */
  highWater: number;
  /** Only certificates whose summary changed at or after this instant (as `updated_at` is stored). */
  updatedSince?: string | undefined;
  limit: number;
}

const COLUMNS = `match_key AS matchKey, canonical, family, authority, management_class AS managementClass, year,
  product_name AS productName, holder, approval_date AS approvalDate, effective_date AS effectiveDate,
  expiry_date AS expiryDate, current_version_id AS currentVersionId, dates_known AS datesKnown, updated_at AS updatedAt`;

/** Above any character a match key holds: `prefix + TOP` bounds the keys that start with `prefix`. */
const TOP = '\u{10FFFF}';

/** Where a prefix's walk starts: at the prefix, just after the last key shown, or nowhere (already past it). */
interface LowerBound {
  key: string;
  inclusive: boolean;
}

/**
 * Reads the full listing page by page, in match-key order, on indexes alone: keyset pagination
 * (never OFFSET), so the thousandth page costs what the first does. Page boundaries are match
 * keys, which never change, so nothing is shown twice however the store changes between pages.
 */
export class CertificateListing {
  private readonly statements = new Map<string, Database.Statement<[Record<string, unknown>], ListingRow>>();
  private readonly lastChange: Database.Statement<[], number>;
  private readonly lastCertificate: Database.Statement<[], number>;
  private readonly changedCount: Database.Statement<[string, number], number>;
  private readonly inOneRead: <T>(read: () => T) => T;

  constructor(private readonly sqlite: Database.Database) {
    this.lastChange = sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM change_log').pluck();
    this.lastCertificate = sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM certificates').pluck();
    this.changedCount = sqlite
      .prepare<[string, number], number>(
        'SELECT count(*) FROM (SELECT 1 FROM certificates INDEXED BY certificates_updated_at_idx WHERE updated_at >= ? LIMIT ?)',
      )
      .pluck();
    // A page's statements (and the first page's high-water mark) see one state of the database.
    const transaction = sqlite.transaction((read: () => unknown) => read());
    this.inOneRead = <T>(read: () => T) => transaction(read) as T;
  }

  /** Runs `read` in one read transaction: what it reads is one snapshot of the database. */
  consistently<T>(read: () => T): T {
    return this.inOneRead(read);
  }

  /** The change log's last id: a new walk's snapshot. */
  highWater(): number {
    return this.lastChange.get()!;
  }

  /** Up to `limit` certificates after `after`, and whether more follow. */
  page(request: ListingRequest): { rows: ListingRow[]; more: boolean } {
    const wanted = request.limit + 1;
    const rows: ListingRow[] = [];
    for (const { statement, parameters } of this.reads(request)) {
      rows.push(...statement.all({ ...parameters, limit: wanted - rows.length }));
      if (rows.length >= wanted) break;
    }
    return { rows: rows.slice(0, request.limit), more: rows.length > request.limit };
  }

  /** SQLite's plan for each statement a page would run, one line per step: what the index checks read. */
  explain(request: ListingRequest): string[][] {
    return this.reads(request).map(({ statement, parameters }) =>
      (
        this.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all({ ...parameters, limit: request.limit }) as { detail: string }[]
      ).map((step) => step.detail),
    );
  }

  /** The statement and parameters for each prefix the page still has to walk, in order. */
  private reads(request: ListingRequest) {
    const changedFirst = request.updatedSince !== undefined && this.fewChanged(request.updatedSince, request.limit);
    const reads: { statement: Database.Statement<[Record<string, unknown>], ListingRow>; parameters: Record<string, unknown> }[] = [];
    for (const prefix of request.prefixes) {
      const from = lowerBound(prefix, request.after);
      if (from === null) continue;
      reads.push({
        statement: this.statement(changedFirst, from.inclusive, prefix !== '', request.updatedSince !== undefined),
        parameters: { from: from.key, to: `${prefix}${TOP}`, since: request.updatedSince, h: request.highWater },
      });
    }
    return reads;
  }

  /**
   * Whether to read the changed certificates from the `updated_at` index and sort them (each page
   * costs the number changed since) rather than walk the match keys and skip the unchanged (each
   * page costs about limit × all ÷ changed). The two meet near √(limit × all): below it the index
   * is cheaper, above it the walk.
   */
  private fewChanged(updatedSince: string, limit: number): boolean {
    const threshold = Math.ceil(2 * Math.sqrt(limit * this.lastCertificate.get()!));
    return this.changedCount.get(updatedSince, threshold + 1)! <= threshold;
  }

  private statement(changedFirst: boolean, inclusive: boolean, bounded: boolean, filtered: boolean) {
    const key = `${changedFirst}|${inclusive}|${bounded}|${filtered}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const range = `match_key ${inclusive ? '>=' : '>'} @from${bounded ? ' AND match_key < @to' : ''}`;
      const sql = changedFirst
        ? `SELECT ${COLUMNS} FROM certificates WHERE match_key IN (
             SELECT match_key FROM certificates INDEXED BY certificates_updated_at_idx
             WHERE updated_at >= @since AND ${range} AND created_at_change <= @h ORDER BY match_key LIMIT @limit)
           ORDER BY match_key`
        : `SELECT ${COLUMNS} FROM certificates INDEXED BY certificates_match_key_uq
           WHERE ${range}${filtered ? ' AND updated_at >= @since' : ''} AND created_at_change <= @h
           ORDER BY match_key LIMIT @limit`;
      statement = this.sqlite.prepare<[Record<string, unknown>], ListingRow>(sql);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

/** Match keys are BMP text, so JavaScript's comparison orders them as SQLite's does. */
function lowerBound(prefix: string, after: string | null): LowerBound | null {
  if (after === null || after < prefix) return { key: prefix, inclusive: true };
  if (after.startsWith(prefix)) return { key: after, inclusive: false };
  return null;
}
