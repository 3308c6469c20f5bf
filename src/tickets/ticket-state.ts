import type { AppError } from '../shared/app-error.ts';
import { ticketClaimedByOther, ticketClosed, ticketNotClaimed } from './tickets.errors.ts';

export const TICKET_STATUSES = ['open', 'claimed', 'resolved', 'rejected'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Active tickets take new lookups; closed ones are history. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'claimed'];

export const REJECT_REASONS = ['typo', 'not_guangdong', 'no_such_certificate', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Rejections that say something lasting about the number itself: later lookups of it are told
 * (and counted on the rejected ticket) instead of opening a new one. `no_such_certificate` and
 * `other` are not: the certificate may be issued later, so a later lookup opens a new ticket.
 */
export const LASTING_REJECTIONS: readonly RejectReason[] = ['typo', 'not_guangdong'];

export const RESOLUTIONS = ['corrected', 'data_arrived'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type TicketAction = 'claim' | 'release' | 'resolve' | 'reject';

export interface TicketState {
  id: number;
  status: TicketStatus;
  claimedBy: string | null;
  claimedByName: string | null;
}

export interface Actor {
  actor: string;
  isAdmin: boolean;
}

/**
 * The state machine: open → claimed (one technician) → resolved | rejected; claimed → open on
 * release (by the claimer or an admin) or when the claim times out (swept before every action).
 * Re-claiming one's own ticket renews the claim. Returns the 409 for an illegal move, or null.
 */
export function transitionError(ticket: TicketState, action: TicketAction, who: Actor): AppError | null {
  if (ticket.status === 'resolved' || ticket.status === 'rejected') return ticketClosed(ticket.id, ticket.status, action);
  const mine = ticket.status === 'claimed' && ticket.claimedBy === who.actor;
  switch (action) {
    case 'claim':
      return ticket.status === 'open' || mine ? null : ticketClaimedByOther(ticket.id, ticket.claimedByName ?? ticket.claimedBy ?? '');
    case 'release':
      if (ticket.status === 'open') return ticketNotClaimed(ticket.id, action);
      return mine || who.isAdmin ? null : ticketClaimedByOther(ticket.id, ticket.claimedByName ?? ticket.claimedBy ?? '');
    case 'resolve':
    case 'reject':
      if (ticket.status === 'open') return ticketNotClaimed(ticket.id, action);
      return mine ? null : ticketClaimedByOther(ticket.id, ticket.claimedByName ?? ticket.claimedBy ?? '');
  }
}
