import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor, type QueuePosition, type QueueSort } from './queue-cursor.ts';
import type { TicketStatus } from './ticket-state.ts';
import { TICKET_COLUMNS, type TicketRow } from './tickets.repository.ts';

export interface QueueQuery {
  status?: TicketStatus | undefined;
  sort: QueueSort;
  cursor?: string | undefined;
  limit: number;
}

export interface QueuePage {
  tickets: TicketRow[];
  /** Counted on the first page only: counting 70,000 open tickets would cost every page ~5 ms. */
  total: number | null;
  nextCursor: string | null;
}

const ORDER: Record<QueueSort, { order: string; after: string; key: (row: TicketRow) => number | string }> = {
  // Most asked-for first; ties newest first.
  demand: { order: 'request_count DESC, id DESC', after: '(request_count, id) < (@key, @id)', key: (row) => row.requestCount },
  // Oldest first: the longest wait.
  age: { order: 'first_seen_at ASC, id ASC', after: '(first_seen_at, id) > (@key, @id)', key: (row) => row.firstSeenAt },
};

/**
 * The technicians' queue, paginated by keyset (an opaque cursor), so a page costs the same at the
 * start and the end of 100,000 tickets. Statements are prepared once per shape.
 */
export class QueueQueries {
  private readonly pages = new Map<string, Database.Statement>();
  private readonly counts = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  page(query: QueueQuery): QueuePage {
    const spec = ORDER[query.sort];
    const position = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
    const where = [query.status ? 'status = @status' : null, position ? spec.after : null].filter(Boolean);
    const sql = `SELECT ${TICKET_COLUMNS} FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${spec.order} LIMIT @limit`;
    const rows = this.prepared(this.pages, sql).all({
      status: query.status,
      key: position?.key,
      id: position?.id,
      limit: query.limit + 1,
    }) as TicketRow[];
    const tickets = rows.slice(0, query.limit);
    const last = tickets[tickets.length - 1];
    return {
      tickets,
      total: position ? null : this.total(query.status),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: spec.key(last), id: last.id } as QueuePosition) : null,
    };
  }

  total(status?: TicketStatus): number {
    const sql = `SELECT count(*) AS n FROM tickets ${status ? 'WHERE status = @status' : ''}`;
    return (this.prepared(this.counts, sql).get({ status }) as { n: number }).n;
  }

  private prepared(cache: Map<string, Database.Statement>, sql: string): Database.Statement {
    let statement = cache.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }
}
