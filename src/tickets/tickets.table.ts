import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { counter, id, ownedBy } from '../db/columns.ts';

/**
 * One ticket per missing Guangdong number while it is active (`open` or `claimed`): the partial
 * unique index lets a single UPSERT open or join it atomically. Closed tickets (`resolved`,
 * `rejected`) stay as history; a later miss of the same number may open a new one.
 */
export const tickets = sqliteTable(
  'tickets',
  {
    id: id(),
    /**
     * 128 random bits in hex: how a requester reads the ticket without a key of the organisation
     * that asked (ids can be counted, refs cannot). Every insert sets one; the default only lets
     * SQLite add the column, and the migration gives earlier tickets theirs.
     */
    ref: text('ref').notNull().default(''),
    canonical: text('canonical').notNull(),
    matchKey: text('match_key').notNull(),
    family: text('family').notNull(),
    status: text('status').notNull(),
    requestCount: counter('request_count'),
    requesterCount: counter('requester_count'),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedByName: text('claimed_by_name'),
    claimedAt: text('claimed_at'),
    claimExpiresAt: text('claim_expires_at'),
    /** `corrected` (a technician entered the data) or `data_arrived` (an import brought it). */
    resolution: text('resolution'),
    /** `typo`, `not_guangdong`, `no_such_certificate`, `other`. */
    rejectReason: text('reject_reason'),
    correctNumber: text('correct_number'),
    rejectNote: text('reject_note'),
    closedBy: text('closed_by'),
    closedByName: text('closed_by_name'),
    closedAt: text('closed_at'),
    certificateVersionId: integer('certificate_version_id'),
    /** Whose quota opening it used: `key:<id>`, `admin-token` or `ip:<address>`; null for tickets older than quotas. */
    openedBy: text('opened_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('tickets_ref_uq').on(t.ref),
    // New tickets per opener in the last hour: the quota counts a range of this index.
    index('tickets_opened_by_idx').on(t.openedBy, t.firstSeenAt),
    uniqueIndex('tickets_active_match_key_uq').on(t.matchKey).where(sql`status IN ('open', 'claimed')`),
    index('tickets_match_key_idx').on(t.matchKey, t.status),
    index('tickets_status_demand_idx').on(t.status, t.requestCount, t.id),
    index('tickets_status_age_idx').on(t.status, t.firstSeenAt, t.id),
    index('tickets_demand_idx').on(t.requestCount, t.id),
    index('tickets_age_idx').on(t.firstSeenAt, t.id),
    index('tickets_claim_expiry_idx').on(t.status, t.claimExpiresAt),
  ],
);

/** Who asked for a ticket's number: one row per organisation, with how to reach it. */
export const ticketRequesters = sqliteTable(
  'ticket_requesters',
  {
    id: id(),
    ticketId: ownedBy('ticket_id', () => tickets.id),
    organisation: text('organisation').notNull(),
    contact: text('contact'),
    callbackUrl: text('callback_url'),
    requestCount: counter('request_count'),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('ticket_requesters_uq').on(t.ticketId, t.organisation)],
);

/** Lookups per day (Asia/Shanghai) for a ticket: the "lookups over time" of its page. */
export const ticketLookupDays = sqliteTable(
  'ticket_lookup_days',
  {
    ticketId: ownedBy('ticket_id', () => tickets.id),
    day: text('day').notNull(),
    count: counter('count'),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.day] })],
);

/** Evidence: the certificate as a PDF or image, stored under the data directory by its sha256. */
export const ticketAttachments = sqliteTable(
  'ticket_attachments',
  {
    id: id(),
    ticketId: ownedBy('ticket_id', () => tickets.id),
    sha256: text('sha256').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    fileName: text('file_name').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedByName: text('uploaded_by_name'),
    uploadedAt: text('uploaded_at').notNull(),
  },
  (t) => [uniqueIndex('ticket_attachments_uq').on(t.ticketId, t.sha256)],
);
