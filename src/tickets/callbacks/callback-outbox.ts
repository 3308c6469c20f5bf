import type Database from 'better-sqlite3';
import type { TicketRow } from '../tickets.repository.ts';

export type CallbackEvent = 'ticket.claimed' | 'ticket.released' | 'ticket.resolved' | 'ticket.rejected';

export interface DeliveryRow {
  id: number;
  ticketId: number;
  url: string;
  event: CallbackEvent;
  payload: string;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export const DELIVERY_COLUMNS = `id, ticket_id AS ticketId, url, event, payload, status, attempts,
  next_attempt_at AS nextAttemptAt, last_attempt_at AS lastAttemptAt, last_status_code AS lastStatusCode,
  last_error AS lastError, created_at AS createdAt, delivered_at AS deliveredAt`;

/**
 * Writes one delivery per registered callback URL in the transaction that changes the ticket, so a
 * change and its notifications commit together; the dispatcher sends them after commit.
 */
export class CallbackOutbox {
  private readonly targets: Database.Statement<[number], { url: string }>;
  private readonly insert: Database.Statement;
  private readonly ofTicket: Database.Statement<[number], DeliveryRow>;
  private kickScheduled = false;

  constructor(
    sqlite: Database.Database,
    private readonly signing: boolean,
    private readonly onCommitted: () => void,
  ) {
    this.targets = sqlite.prepare(
      'SELECT DISTINCT callback_url AS url FROM ticket_requesters WHERE ticket_id = ? AND callback_url IS NOT NULL ORDER BY url',
    );
    this.insert = sqlite.prepare(`
      INSERT INTO callback_deliveries (ticket_id, url, event, payload, status, attempts, created_at, last_error)
      VALUES (@ticketId, @url, @event, @payload, @status, 0, @createdAt, @lastError)`);
    this.ofTicket = sqlite.prepare(`SELECT ${DELIVERY_COLUMNS} FROM callback_deliveries WHERE ticket_id = ? ORDER BY id`);
  }

  enqueue(ticket: TicketRow, event: CallbackEvent, body: unknown, at: string): number {
    const urls = this.targets.all(ticket.id);
    for (const { url } of urls) {
      this.insert.run({
        ticketId: ticket.id,
        url,
        event,
        payload: JSON.stringify(body),
        status: this.signing ? 'pending' : 'skipped',
        createdAt: at,
        lastError: this.signing ? null : 'CALLBACK_SECRET is not configured: callbacks are not sent',
      });
    }
    if (urls.length > 0 && this.signing) this.scheduleKick();
    return urls.length;
  }

  deliveries(ticketId: number): DeliveryRow[] {
    return this.ofTicket.all(ticketId);
  }

  /** Runs after the current synchronous transaction has committed (or rolled back: then it finds nothing). */
  private scheduleKick(): void {
    if (this.kickScheduled) return;
    this.kickScheduled = true;
    setImmediate(() => {
      this.kickScheduled = false;
      this.onCommitted();
    });
  }
}
