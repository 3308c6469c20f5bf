import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { certificates } from '../certificates/certificates.table.ts';
import { counter, deliveryColumns, id, ownedBy } from '../db/columns.ts';

/**
 * Who wants to be told what: an organisation's watch (numbers, holders, prefixes; none = every
 * certificate), the events it wants (null = all) and where to send them. Deleted ones are kept
 * (`deleted_at`) so their delivery log still has an owner.
 */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: id(),
    /** The creating key's organisation (or its actor when it has none, as ADMIN_TOKEN). */
    organisation: text('organisation').notNull(),
    createdBy: text('created_by').notNull(),
    callbackUrl: text('callback_url').notNull(),
    /** Signs this subscription's deliveries; handed over once at creation, never shown again. */
    secret: text('secret').notNull(),
    /** JSON arrays; null = not watched that way. Numbers as `{ canonical, matchKey }`. */
    numbers: text('numbers', { mode: 'json' }),
    holders: text('holders', { mode: 'json' }),
    prefixes: text('prefixes', { mode: 'json' }),
    events: text('events', { mode: 'json' }),
    expiringDays: text('expiring_days', { mode: 'json' }).notNull(),
    /** The change feed's last id when it was created: it is told of later changes only. */
    fromChangeId: integer('from_change_id').notNull(),
    consecutiveFailures: counter('consecutive_failures'),
    failingSince: text('failing_since'),
    pausedAt: text('paused_at'),
    pausedReason: text('paused_reason'),
    createdAt: text('created_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('subscriptions_organisation_idx').on(t.organisation, t.id)],
);

/**
 * The subscriptions' outbox and delivery log: one row per matched change, written by the feed
 * drain in the transaction that moves its position, sent after commit by the shared dispatcher.
 */
export const subscriptionDeliveries = sqliteTable(
  'subscription_deliveries',
  {
    id: id(),
    subscriptionId: ownedBy('subscription_id', () => subscriptions.id),
    /** The change_log entry that raised it: at most one delivery per change and subscription. */
    changeId: integer('change_id').notNull(),
    /** The certificate number (or `ticket:<id>`): deliveries of one key go out in order. */
    entityKey: text('entity_key').notNull(),
    event: text('event').notNull(),
    payload: text('payload').notNull(),
    ...deliveryColumns(),
  },
  (t) => [
    uniqueIndex('subscription_deliveries_change_uq').on(t.subscriptionId, t.changeId),
    index('subscription_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('subscription_deliveries_order_idx').on(t.subscriptionId, t.entityKey, t.status, t.id),
  ],
);

/**
 * Expiry alerts already raised: one per certificate, threshold (days before expiry; 0 = expired)
 * and expiry date, so each is raised once and a renewal (a new expiry date) arms them again.
 */
export const expiryAlerts = sqliteTable(
  'expiry_alerts',
  {
    certificateId: ownedBy('certificate_id', () => certificates.id),
    threshold: integer('threshold').notNull(),
    expiryDate: text('expiry_date').notNull(),
    changeId: integer('change_id').notNull(),
    raisedAt: text('raised_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.threshold, t.expiryDate] })],
);
