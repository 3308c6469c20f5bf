import type Database from 'better-sqlite3';
import type { Principal } from '../auth/principal.ts';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import { normalise } from '../numbers/normalise.ts';
import type { Clock } from '../shared/clock.ts';
import type { AttachmentsRepository } from './attachments/attachments.repository.ts';
import { type ResolutionForm, resolutionToVersion } from './resolution-input.ts';
import type { TicketEvents } from './ticket-events.ts';
import { type RejectReason, type TicketAction, transitionError } from './ticket-state.ts';
import { correctNumberInvalid, evidenceRequired, ticketNotFound } from './tickets.errors.ts';
import type { TicketRow, TicketsRepository } from './tickets.repository.ts';

export interface Rejection {
  reason: RejectReason;
  correctNumber?: string | undefined;
  note?: string | undefined;
}

/**
 * What technicians do to a ticket. Each action is one synchronous transaction: expired claims are
 * released first, the state machine decides, and the change, its audit record and its callbacks
 * commit together.
 */
export class TicketWorkflow {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly tickets: TicketsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly writer: CertificateWriter,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
    private readonly claimTimeoutMs: number,
  ) {}

  /** Releases every claim whose time is up; run before each action and by a timer. */
  sweepExpiredClaims(): number {
    const at = this.clock.now().toISOString();
    return this.sqlite
      .transaction(() => {
        const expired = this.tickets.claimsExpiredBy(at);
        for (const ticket of expired) {
          this.tickets.release(ticket.id, at);
          this.events.record({
            actor: 'system',
            action: 'claim_expired',
            before: ticket,
            after: this.tickets.get(ticket.id)!,
            event: 'ticket.released',
          });
        }
        return expired.length;
      })
      .immediate();
  }

  claim(id: number, who: Principal): TicketRow {
    return this.act(id, 'claim', who, (ticket, at) => {
      const renewing = ticket.status === 'claimed';
      const expiresAt = new Date(Date.parse(at) + this.claimTimeoutMs).toISOString();
      this.tickets.claim(id, { by: who.actor, name: who.name, at, expiresAt });
      const after = this.tickets.get(id)!;
      this.events.record({
        actor: who.actor,
        action: renewing ? 'claim_renewed' : 'claimed',
        before: ticket,
        after,
        ...(renewing ? {} : { event: 'ticket.claimed' as const }),
      });
      return after;
    });
  }

  release(id: number, who: Principal): TicketRow {
    return this.act(id, 'release', who, (ticket, at) => {
      this.tickets.release(id, at);
      const after = this.tickets.get(id)!;
      this.events.record({ actor: who.actor, action: 'released', before: ticket, after, event: 'ticket.released' });
      return after;
    });
  }

  /**
   * Stores the technician's entry as a certificate version (source `correction`) and closes the
   * ticket. The ticket closes before the write, so the writer's auto-resolve hook leaves it alone.
   */
  resolve(id: number, who: Principal, form: ResolutionForm): TicketRow {
    const current = this.require(id);
    const fetchedAt = this.clock.now().toISOString();
    const input = resolutionToVersion(form, current, {
      currentYear: this.clock.currentYear(),
      today: this.clock.today(),
      provenance: { source: 'correction', sourceRef: `/v1/tickets/${id}`, fetchedAt, importRunId: null },
    });
    return this.act(id, 'resolve', who, (ticket, at) => {
      const evidence = this.attachments.list(id);
      if (evidence.length === 0) throw evidenceRequired(id);
      this.tickets.closeTicket(id, { status: 'resolved', resolution: 'corrected', by: who.actor, name: who.name, at });
      const written = this.writer.write([input], this.clock.today(), { actor: who.actor });
      const versionId = written.touched[0]?.versionIds[0] ?? null;
      if (versionId !== null) this.tickets.linkVersion(id, versionId);
      const after = this.tickets.get(id)!;
      this.events.record({
        actor: who.actor,
        action: 'resolved',
        before: ticket,
        after,
        details: {
          resolution: 'corrected',
          technician: who.name,
          evidence: evidence.map((a) => ({ id: a.id, sha256: a.sha256, fileName: a.fileName })),
          versionId,
        },
        event: 'ticket.resolved',
      });
      return after;
    });
  }

  reject(id: number, who: Principal, rejection: Rejection): TicketRow {
    const current = this.require(id);
    // Required for a typo (the schema says so); kept when given with another reason.
    const wanted = rejection.correctNumber?.trim();
    const correctNumber = wanted ? this.checkedCorrectNumber(wanted, current) : null;
    return this.act(id, 'reject', who, (ticket, at) => {
      this.tickets.closeTicket(id, {
        status: 'rejected',
        rejectReason: rejection.reason,
        correctNumber,
        rejectNote: rejection.note?.trim() || null,
        by: who.actor,
        name: who.name,
        at,
      });
      const after = this.tickets.get(id)!;
      this.events.record({ actor: who.actor, action: 'rejected', before: ticket, after, event: 'ticket.rejected' });
      return after;
    });
  }

  private act(id: number, action: TicketAction, who: Principal, apply: (ticket: TicketRow, at: string) => TicketRow): TicketRow {
    this.sweepExpiredClaims();
    return this.sqlite
      .transaction(() => {
        const ticket = this.require(id);
        const error = transitionError(ticket, action, { actor: who.actor, isAdmin: who.role === 'admin' });
        if (error) throw error;
        return apply(ticket, this.clock.now().toISOString());
      })
      .immediate();
  }

  private require(id: number): TicketRow {
    const ticket = this.tickets.get(id);
    if (!ticket) throw ticketNotFound(id);
    return ticket;
  }

  /** A typo's right number: one well-formed number, not the ticket's own. */
  private checkedCorrectNumber(text: string, ticket: TicketRow): string {
    const { numbers, error } = normalise(text, { currentYear: this.clock.currentYear() });
    if (numbers.length !== 1) {
      throw correctNumberInvalid(text, error?.message ?? { zh: '请只填写一个证号。', en: 'Enter exactly one number.' });
    }
    const number = numbers[0]!;
    if (number.matchKey === ticket.matchKey) {
      throw correctNumberInvalid(text, { zh: '与工单证号相同。', en: 'It is the ticket’s own number.' });
    }
    return number.canonical;
  }
}
