import type { ChangeLog } from '../changes/change-log.ts';
import type { CallbackEvent, CallbackOutbox } from './callbacks/callback-outbox.ts';
import { ticketSnapshot, ticketSummary } from './ticket-view.ts';
import type { TicketRow } from './tickets.repository.ts';

export interface TicketChange {
  actor: string;
  action: string;
  before: TicketRow | null;
  after: TicketRow;
  /** Facts the snapshots do not show: an attachment, the evidence of a resolution … */
  details?: Record<string, unknown>;
  /** Set for state changes: requesters with a callback URL are told. */
  event?: CallbackEvent;
}

/** Records a ticket change in the audit trail and the callback outbox, inside the caller's transaction. */
export class TicketEvents {
  constructor(
    private readonly changeLog: ChangeLog,
    private readonly outbox: CallbackOutbox,
    private readonly now: () => Date,
  ) {}

  record(change: TicketChange): void {
    const at = this.now().toISOString();
    this.changeLog.append({
      actor: change.actor,
      entity: 'ticket',
      entityId: String(change.after.id),
      action: change.action,
      before: ticketSnapshot(change.before),
      after: change.details ? { ...ticketSnapshot(change.after), ...change.details } : ticketSnapshot(change.after),
    });
    if (change.event) {
      this.outbox.enqueue(change.after, change.event, { event: change.event, occurredAt: at, ticket: ticketSummary(change.after) }, at);
    }
  }
}
