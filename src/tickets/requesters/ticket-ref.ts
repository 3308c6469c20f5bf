import { randomBytes } from 'node:crypto';

/**
 * A ticket's ref: 128 random bits in hex, so a requester without a key of the organisation that
 * asked can follow the ticket while nobody can read other people's tickets by counting ids. The
 * migration that added refs made earlier tickets' refs the same way (SQLite's `randomblob`).
 */
export const TICKET_REF_PATTERN = /^[0-9a-f]{32}$/;

export function newTicketRef(): string {
  return randomBytes(16).toString('hex');
}

/** Where anyone holding the ref reads the ticket. */
export const ticketRefHref = (ref: string): string => `/v1/tickets/${ref}`;
