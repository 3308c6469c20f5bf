import type Database from 'better-sqlite3';
import type { AfterWriteHook } from '../certificates/certificate-writer.ts';
import type { MissHandler } from '../certificates/lookup/lookup.service.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';
import { type IntakeRefusal, intakeRefusal } from './callbacks/callback-address.ts';
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
    private readonly callbackPolicy: { allowPrivate: boolean },
  ) {
    this.recordTransaction = sqlite.transaction((miss: MissRecord) => this.recordUnsafe(miss)).immediate;
    this.matchKeyOf = sqlite.prepare('SELECT match_key AS matchKey FROM certificates WHERE id = ?');
  }

  /**
   * The LookupService hook: adds `ticket` to the 404 of a missing Guangdong number, and
   * `callbackUrlRefused` when the callback URL given is not kept (the lookup answers all the same).
   */
  missHandler(): MissHandler {
    return (number, requester) => {
      if (number.authority !== '粤') return { fields: {} };
      const refusal = requester.callbackUrl ? intakeRefusal(requester.callbackUrl, this.callbackPolicy) : null;
      const { ticket, opened } = this.recordMiss(number, {
        organisation: requester.organisation ?? 'anonymous',
        contact: requester.contact ?? null,
        callbackUrl: refusal === null ? (requester.callbackUrl ?? null) : null,
      });
      const fields = { ticket: ticketReference(ticket, opened), ...(refusal ? { callbackUrlRefused: REFUSALS[refusal] } : {}) };
      // A typo rejection stays the answer: every later lookup of the number is pointed at the right one.
      return { fields, correctNumber: ticket.status === 'rejected' && ticket.rejectReason === 'typo' ? ticket.correctNumber : null };
    };
  }

  recordMiss(
    number: ParsedNumber,
    requester: { organisation: string; contact: string | null; callbackUrl: string | null },
  ): { ticket: TicketRow; opened: boolean } {
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
    const joined = rejected ? { ticket: this.tickets.countLookupOn(rejected.id, miss.at), opened: false } : this.tickets.openOrJoin(miss);
    const { ticket, newRequester } = this.tickets.countRequest(joined.ticket, miss);
    const actor = `requester:${miss.organisation}`;
    if (joined.opened) {
      this.events.record({ actor, action: 'opened', before: null, after: ticket, details: { requester: requesterOf(miss) } });
    } else if (newRequester) {
      this.events.record({
        actor,
        action: 'requester_added',
        before: joined.ticket,
        after: ticket,
        details: { requester: requesterOf(miss) },
      });
    }
    return { ticket, opened: joined.opened };
  }

  /** The CertificateWriter hook: runs inside the writing transaction. */
  autoResolveHook(): AfterWriteHook {
    return (touched, context) => {
      if (!this.tickets.hasActive()) return;
      const at = this.clock.now().toISOString();
      for (const certificate of touched) {
        // A summary refresh brings no data: only data arriving answers a ticket.
        if (certificate.refreshed) continue;
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

/** Why a callback URL was not kept, as the 404 says it. */
const REFUSALS: Record<IntakeRefusal, { code: IntakeRefusal; message: { zh: string; en: string } }> = {
  callback_scheme_refused: {
    code: 'callback_scheme_refused',
    message: { zh: '回调地址只接受 http 或 https，未保存', en: 'Callback URLs must be http or https; this one was not kept' },
  },
  callback_address_refused: {
    code: 'callback_address_refused',
    message: {
      zh: '回调地址指向本机、内网或保留地址，未保存',
      en: 'The callback URL points to a loopback, private or reserved address; it was not kept',
    },
  },
};
