import type Database from 'better-sqlite3';
import type { Requester } from '../../certificates/lookup/lookup.service.ts';
import type { AppConfig } from '../../config/config.ts';

export type TicketQuotaLimits = AppConfig['ticketQuota'];

/** Whom a new ticket is counted against: an API key (`key:<id>`, `admin-token`) or a client address (`ip:<address>`). */
export type TicketOpener = Requester['opener'];

const HOUR_MS = 3_600_000;

/**
 * Opening a ticket costs quota; joining an open one is free. Counts an opener's tickets opened in the last hour from the tickets themselves (`opened_by`,
 * `first_seen_at`), so the count survives restarts and, read in the transaction that would insert
 * the ticket, is exact however many lookups run at once.
 */
export class TicketQuota {
  private readonly openedSince: Database.Statement<[string, string, number], { n: number }>;

  constructor(
    sqlite: Database.Database,
    private readonly limits: TicketQuotaLimits,
  ) {
    // Stops counting at the limit: a reader's 200 is never more than 200 index entries.
    this.openedSince = sqlite.prepare(
      'SELECT count(*) AS n FROM (SELECT 1 FROM tickets WHERE opened_by = ? AND first_seen_at > ? LIMIT ?)',
    );
  }

  /**
   * New tickets the opener may start in any sliding hour; null: no limit. Technicians and admins
   * have none: they work the queue and can reject whatever they opened.
   */
  limitFor(opener: TicketOpener): number | null {
    if (opener.role === null) return this.limits.anonymousPerHour;
    if (opener.role === 'reader') return this.limits.readerPerHour;
    return null;
  }

  /** Whether the opener may open one more ticket at `at` (ISO); call inside the opening transaction. */
  allows(opener: TicketOpener, at: string): boolean {
    const limit = this.limitFor(opener);
    if (limit === null) return true;
    if (limit === 0) return false;
    const since = new Date(Date.parse(at) - HOUR_MS).toISOString();
    return this.openedSince.get(opener.actor, since, limit)!.n < limit;
  }
}
