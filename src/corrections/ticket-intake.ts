import type Database from 'better-sqlite3';
import type { AfterWriteHook } from '../certificates/certificate-writer.ts';
import type { MissHandler } from '../certificates/lookup.service.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';
import type { TicketEvents } from './ticket-events.ts';
import { ticketReference } from './ticket-view.ts';
import type { MissRecord, TicketRow, TicketsRepository } from './tickets.repository.ts';

export interface IntakeClock {
  now: () => Date;
  /** Today in Asia/Shanghai: the day lookups are counted on. */
  today: () => string;
}

/**
 * Where tickets come from and where they go without a technician: a miss of a well-formed 粤 number
 * opens or joins one; new data for its number, by any route, resolves it (`data_arrived`) in the
 * transaction that stored the data.
 */
export class TicketIntake {
  private readonly recordTransaction: (miss: MissRecord) => { ticket: TicketRow; opened: boolean };
  private readonly matchKeyOf: Database.Statement<[number], { matchKey: string }>;

  constructor(
    sqlite: Database.Database,
    private readonly tickets: TicketsRepository,
    private readonly events: TicketEvents,
    private readonly clock: IntakeClock,
  ) {
    this.recordTransaction = sqlite.transaction((miss: MissRecord) => this.recordUnsafe(miss)).immediate;
    this.matchKeyOf = sqlite.prepare('SELECT match_key AS matchKey FROM certificates WHERE id = ?');
  }

  /** The LookupService hook: adds `ticket` to the 404 of a missing Guangdong number. */
  missHandler(): MissHandler {
    return (number, requester) => {
      if (number.authority !== '粤') return {};
      const { ticket, opened } = this.recordMiss(number, {
        organisation: requester.organisation ?? 'anonymous',
        contact: requester.contact ?? null,
        callbackUrl: httpUrl(requester.callbackUrl),
      });
      return { ticket: ticketReference(ticket, opened) };
    };
  }

  recordMiss(number: ParsedNumber, requester: { organisation: string; contact: string | null; callbackUrl: string | null }): { ticket: TicketRow; opened: boolean } {
    return this.recordTransaction({
      canonical: number.canonical,
      matchKey: number.matchKey,
      family: number.family,
      ...requester,
      at: this.clock.now().toISOString(),
      day: this.clock.today(),
    });
  }

  private recordUnsafe(miss: MissRecord): { ticket: TicketRow; opened: boolean } {
    const rejected = this.tickets.lastingRejectionOf(miss.matchKey);
    const joined = rejected
      ? { ticket: this.tickets.countLookupOn(rejected.id, miss.at), opened: false }
      : this.tickets.openOrJoin(miss);
    const { ticket, newRequester } = this.tickets.countRequest(joined.ticket, miss);
    const actor = `requester:${miss.organisation}`;
    if (joined.opened) {
      this.events.record({ actor, action: 'opened', before: null, after: ticket, details: { requester: requesterOf(miss) } });
    } else if (newRequester) {
      this.events.record({ actor, action: 'requester_added', before: joined.ticket, after: ticket, details: { requester: requesterOf(miss) } });
    }
    return { ticket, opened: joined.opened };
  }

  /** The CertificateWriter hook: runs inside the writing transaction. */
  autoResolveHook(): AfterWriteHook {
    return (touched, context) => {
      if (!this.tickets.hasActive()) return;
      const at = this.clock.now().toISOString();
      for (const certificate of touched) {
        const key = this.matchKeyOf.get(certificate.id);
        const ticket = key ? this.tickets.activeFor(key.matchKey) : null;
        if (!ticket) continue;
        this.tickets.closeTicket(ticket.id, {
          status: 'resolved',
          resolution: 'data_arrived',
          versionId: certificate.versionIds[0] ?? null,
          by: context.actor,
          name: context.actor,
          at,
        });
        this.events.record({
          actor: context.actor,
          action: 'resolved',
          before: ticket,
          after: this.tickets.get(ticket.id)!,
          details: { resolution: 'data_arrived', certificate: certificate.canonical, versionIds: certificate.versionIds },
          event: 'ticket.resolved',
        });
      }
    };
  }
}

function requesterOf(miss: MissRecord): Record<string, unknown> {
  return { organisation: miss.organisation, contact: miss.contact, callbackUrl: miss.callbackUrl };
}

/** Callbacks are POSTed over HTTP(S) only; any other scheme is not kept. */
function httpUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}
