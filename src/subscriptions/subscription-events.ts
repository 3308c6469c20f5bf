import { z } from 'zod';

/**
 * What a subscription can be told (docs/subscriptions.md). `certificate.cancelled` is declared for
 * the day a source records cancellations (注销); none does yet, so it is never raised.
 */
export const SUBSCRIPTION_EVENTS = [
  'certificate.created',
  'certificate.version_added',
  'certificate.cancelled',
  'certificate.expiring',
  'certificate.expired',
  'ticket.resolved',
] as const;

export const subscriptionEventSchema = z.enum(SUBSCRIPTION_EVENTS);
export type SubscriptionEvent = z.output<typeof subscriptionEventSchema>;

/** Days before expiry at which `certificate.expiring` is raised when a subscription names none. */
export const DEFAULT_EXPIRING_DAYS: readonly number[] = [180, 90, 30];

/** The change log's action for each certificate event (entity `certificate`). */
export const CERTIFICATE_ACTION_EVENTS: Readonly<Record<string, SubscriptionEvent>> = {
  created: 'certificate.created',
  versions_added: 'certificate.version_added',
  cancelled: 'certificate.cancelled',
  expiring: 'certificate.expiring',
  expired: 'certificate.expired',
};
