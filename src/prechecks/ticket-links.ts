import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { precheckTicketSchema } from './prechecks.schemas.ts';

type PrecheckTicket = z.output<typeof precheckTicketSchema>;

/** More than this many tickets in one answer is a list nobody reads; they are all linked all the same. */
const LISTED_TICKETS = 1000;

/**
 * The tickets one pre-check opened or joined, linked to it once each (precheck_tickets), so that the
 * correction queue can tell which requests came from one file.
 */
export class TicketLinks {
  private readonly byRef = new Map<string, PrecheckTicket>();
  private readonly insert: Database.Statement<[number, number, number, string]>;

  constructor(
    sqlite: Database.Database,
    private readonly precheckId: number,
  ) {
    this.insert = sqlite.prepare(
      'INSERT OR IGNORE INTO precheck_tickets (precheck_id, ticket_id, row, opened) SELECT ?, id, ?, ? FROM tickets WHERE ref = ?',
    );
  }

  link(ticket: { ref: string; href: string; opened: boolean }, number: string, row: number): PrecheckTicket {
    const known = this.byRef.get(ticket.ref);
    if (known) return known;
    const linked = { ref: ticket.ref, href: ticket.href, number, opened: ticket.opened, row };
    this.byRef.set(ticket.ref, linked);
    this.insert.run(this.precheckId, row, ticket.opened ? 1 : 0, ticket.ref);
    return linked;
  }

  listed(): PrecheckTicket[] {
    return [...this.byRef.values()].slice(0, LISTED_TICKETS);
  }
}
