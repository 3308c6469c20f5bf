import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { AfterWriteHook } from '../certificates/certificate-writer.ts';
import type { MissHandler } from '../certificates/lookup/lookup.service.ts';
import type { ticketRefusedSchema } from '../certificates/lookup/not-found.schema.ts';
import type { ParsedNumber } from '../numbers/number.types.ts';
import type { Clock } from '../shared/clock.ts';
import { type IntakeRefusal, intakeRefusal } from '../shared/webhooks/webhook-address.ts';
import { type TicketOpener, TicketQuota, type TicketQuotaLimits } from './requesters/ticket-quota.ts';
import { newTicketRef } from './requesters/ticket-ref.ts';
import type { TicketEvents } from './ticket-events.ts';
import { ticketReference } from './ticket-view.ts';
import type { MissRecord, TicketRow, TicketsRepository } from './tickets.repository.ts';

/**
 * Where tickets come from and where they go without a technician: a miss of a well-formed 粤 number
 * opens or joins one; new data for its number, by any route, resolves it (`data_arrived`) in the
 * transaction that stored the data.
 */
export class TicketIntake {
  private readonly recordTransaction: (miss: MissRecord, opener: TicketOpener) => MissOutcome;
  private readonly matchKeyOf: Database.Statement<[number], { matchKey: string }>;
  private readonly quota: TicketQuota;

  constructor(
    sqlite: Database.Database,
    private readonly tickets: TicketsRepository,
    private readonly events: TicketEvents,
    /** `today` is the day lookups are counted on. */
    private readonly clock: Clock,
    private readonly callbackPolicy: { allowPrivate: boolean },
    quota: TicketQuotaLimits,
  ) {
    // Immediate: the quota is read and the ticket inserted under one write lock, so the count is exact.
    this.recordTransaction = sqlite.transaction((miss: MissRecord, opener: TicketOpener) => this.recordUnsafe(miss, opener)).immediate;
    this.matchKeyOf = sqlite.prepare('SELECT match_key AS matchKey FROM certificates WHERE id = ?');
    this.quota = new TicketQuota(sqlite, quota);
  }

  /**
   * The LookupService hook: adds `ticket` to the 404 of a missing Guangdong number (null with
   * `ticketRefused` when the requester's quota of new tickets is spent), and `callbackUrlRefused`
   * when the callback URL given is not kept (the lookup answers all the same).
   */
  missHandler(): MissHandler {
    return (number, requester) => {
      if (number.authority !== '粤') return { fields: {} };
      const refusal = requester.callbackUrl ? intakeRefusal(requester.callbackUrl, this.callbackPolicy) : null;
      const outcome = this.recordMiss(
        number,
        {
          organisation: requester.organisation ?? 'anonymous',
          contact: requester.contact ?? null,
          callbackUrl: refusal === null ? (requester.callbackUrl ?? null) : null,
        },
        requester.opener,
      );
      const callback = refusal ? { callbackUrlRefused: REFUSALS[refusal] } : {};
      const { ticket, opened } = outcome;
      if (ticket === null) {
        return {
          fields: { ticket: null, ticketRefused: quotaExceeded(this.quota.limitFor(requester.opener) ?? 0), ...callback },
          correctNumber: null,
        };
      }
      const fields = { ticket: ticketReference(ticket, opened), ...callback };
      // A typo rejection stays the answer: every later lookup of the number is pointed at the right one.
      return { fields, correctNumber: ticket.status === 'rejected' && ticket.rejectReason === 'typo' ? ticket.correctNumber : null };
    };
  }

  /** Opens or joins the number's ticket for the requester; opening needs the opener's quota. */
  recordMiss(
    number: ParsedNumber,
    requester: { organisation: string; contact: string | null; callbackUrl: string | null },
    opener: TicketOpener,
  ): MissOutcome {
    const miss = {
      canonical: number.canonical,
      matchKey: number.matchKey,
      family: number.family,
      ...requester,
      at: this.clock.now().toISOString(),
      day: this.clock.today(),
    };
    return this.recordTransaction(miss, opener);
  }

  private recordUnsafe(miss: MissRecord, opener: TicketOpener): MissOutcome {
    const rejected = this.tickets.lastingRejectionOf(miss.matchKey);
    const joined = rejected ? { ticket: this.tickets.countLookupOn(rejected.id, miss.at), opened: false } : this.openOrJoin(miss, opener);
    if (joined === null) return { ticket: null, opened: false };
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

  /** Joining the active ticket is free and counts the demand; opening one costs quota. Null: none left. */
  private openOrJoin(miss: MissRecord, opener: TicketOpener): { ticket: TicketRow; opened: boolean } | null {
    const active = this.tickets.activeFor(miss.matchKey);
    if (active) return { ticket: this.tickets.countLookupOn(active.id, miss.at), opened: false };
    if (!this.quota.allows(opener, miss.at)) return null;
    return this.tickets.openOrJoin({ ...miss, ref: newTicketRef(), openedBy: opener.actor });
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

/** A miss of a Guangdong number: the ticket it opened or joined, or none when the opener's quota is spent. */
export type MissOutcome = { ticket: TicketRow; opened: boolean } | { ticket: null; opened: false };

function quotaExceeded(perHour: number): z.output<typeof ticketRefusedSchema> {
  return {
    code: 'ticket_quota_exceeded',
    message: {
      zh: `本密钥或地址在一小时内新建的补录工单已达上限（${perHour} 个），本次未新建工单；已有工单的号码照常计入，请稍后再查询。`,
      en: `This key or address has opened its ${perHour} new tickets for the hour, so no ticket was opened; lookups of numbers with a ticket still count. Try again later.`,
    },
    perHour,
  };
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
