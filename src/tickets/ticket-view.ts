import type { z } from 'zod';
import type { missTicketSchema } from '../certificates/lookup/not-found.schema.ts';
import type { AttachmentRow } from './attachments/attachments.repository.ts';
import { ticketRefHref } from './requesters/ticket-ref.ts';
import type { RejectReason, Resolution, TicketStatus } from './ticket-state.ts';
import type { RequesterRow, TicketRow } from './tickets.repository.ts';

export interface TicketSummary {
  id: number;
  ref: string;
  canonical: string;
  status: TicketStatus;
  requestCount: number;
  requesterCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
  claim: { by: string; name: string; at: string; expiresAt: string } | null;
  resolution: { kind: Resolution; by: string; name: string; at: string; versionId: number | null; certificateHref: string } | null;
  rejection: { reason: RejectReason; correctNumber: string | null; note: string | null; by: string; name: string; at: string } | null;
  href: string;
}

export interface TicketDetail extends TicketSummary {
  requesters: RequesterRow[];
  lookupsByDay: { day: string; count: number }[];
  attachments: (Omit<AttachmentRow, 'ticketId'> & { href: string })[];
}

export function ticketSummary(row: TicketRow): TicketSummary {
  return {
    id: row.id,
    ref: row.ref,
    canonical: row.canonical,
    status: row.status,
    requestCount: row.requestCount,
    requesterCount: row.requesterCount,
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    claim:
      row.status === 'claimed' && row.claimedBy && row.claimedAt && row.claimExpiresAt
        ? { by: row.claimedBy, name: row.claimedByName ?? row.claimedBy, at: row.claimedAt, expiresAt: row.claimExpiresAt }
        : null,
    resolution:
      row.status === 'resolved' && row.resolution && row.closedAt
        ? {
            kind: row.resolution,
            by: row.closedBy ?? 'system',
            name: row.closedByName ?? row.closedBy ?? 'system',
            at: row.closedAt,
            versionId: row.certificateVersionId,
            certificateHref: `/v1/certificates/${encodeURIComponent(row.canonical)}`,
          }
        : null,
    rejection:
      row.status === 'rejected' && row.rejectReason && row.closedAt
        ? {
            reason: row.rejectReason,
            correctNumber: row.correctNumber,
            note: row.rejectNote,
            by: row.closedBy ?? 'system',
            name: row.closedByName ?? row.closedBy ?? 'system',
            at: row.closedAt,
          }
        : null,
    // By ref, which every holder may follow: requesters without a key are told of changes too.
    href: ticketRefHref(row.ref),
  };
}

/** What a lookup's 404 carries: enough to follow the ticket. */
export function ticketReference(row: TicketRow, opened: boolean): z.output<typeof missTicketSchema> {
  const summary = ticketSummary(row);
  return {
    id: row.id,
    ref: row.ref,
    status: row.status,
    requestCount: row.requestCount,
    href: summary.href,
    opened,
    ...(summary.rejection ? { rejection: { reason: summary.rejection.reason, correctNumber: summary.rejection.correctNumber } } : {}),
  };
}

/** What the audit trail keeps of a ticket before and after a change. */
export function ticketSnapshot(row: TicketRow | null): Record<string, unknown> | null {
  if (!row) return null;
  // Not the ref: the audit trail and the change feed are read by people who did not ask.
  const { matchKey: _matchKey, updatedAt: _updatedAt, ref: _ref, ...rest } = row;
  return rest;
}
