import { encodeChangeCursor } from '../changes/change-cursor.ts';
import type { ChangeRecord } from '../changes/change-log.ts';
import { CERTIFICATE_ACTION_EVENTS, type SubscriptionEvent } from './subscription-events.ts';
import { holderKey, prefixMatches } from './subscription-watch.ts';
import type { Subscription } from './subscriptions.repository.ts';

/** One delivery the feed writes: to whom, about what, and the body that is signed and sent. */
export interface MatchedDelivery {
  subscriptionId: number;
  event: SubscriptionEvent;
  entityKey: string;
  payload: string;
}

type MatchKeyOf = (canonical: string) => string | null;

const watchesNothing = (s: Subscription) => s.numbers === null && s.holders === null && s.prefixes === null;
const wants = (s: Subscription, event: SubscriptionEvent) => s.events === null || s.events.includes(event);

/**
 * Matches changes against every live subscription, indexed once per batch: a change costs a few
 * map lookups and the prefix checks, not a pass over every subscription's lists.
 */
export class SubscriptionMatcher {
  private readonly everything: Subscription[] = [];
  private readonly byMatchKey = new Map<string, Subscription[]>();
  private readonly byHolder = new Map<string, Subscription[]>();
  private readonly byPrefix: Subscription[] = [];
  private readonly byOrganisation = new Map<string, Subscription[]>();

  constructor(
    subscriptions: readonly Subscription[],
    private readonly matchKeyOf: MatchKeyOf,
  ) {
    for (const s of subscriptions) {
      if (watchesNothing(s)) this.everything.push(s);
      for (const n of s.numbers ?? []) push(this.byMatchKey, n.matchKey, s);
      for (const h of s.holders ?? []) push(this.byHolder, h, s);
      if (s.prefixes) this.byPrefix.push(s);
      push(this.byOrganisation, s.organisation, s);
    }
  }

  /** Deliveries for a certificate change (created, versions added, expiring, expired). */
  certificate(change: ChangeRecord): MatchedDelivery[] {
    const event = CERTIFICATE_ACTION_EVENTS[change.action];
    if (!event) return [];
    const canonical = change.entityId;
    const after = (change.after ?? {}) as Record<string, unknown>;
    const before = (change.before ?? {}) as Record<string, unknown>;
    const candidates = new Set(this.everything);
    if (this.byMatchKey.size > 0) {
      const key = this.matchKeyOf(canonical);
      for (const s of (key && this.byMatchKey.get(key)) || []) candidates.add(s);
    }
    for (const holder of [after.holder, before.holder]) {
      if (typeof holder === 'string') for (const s of this.byHolder.get(holderKey(holder)) ?? []) candidates.add(s);
    }
    for (const s of this.byPrefix) if (s.prefixes!.some((p) => prefixMatches(p, canonical))) candidates.add(s);
    const threshold = typeof after.threshold === 'number' ? after.threshold : null;
    const body = certificateBody(change, event, after);
    return [...candidates]
      .filter((s) => change.id > s.fromChangeId && wants(s, event))
      .filter((s) => event !== 'certificate.expiring' || (threshold !== null && s.expiringDays.includes(threshold)))
      .sort((a, b) => a.id - b.id)
      .map((s) => ({ subscriptionId: s.id, event, entityKey: canonical, payload: JSON.stringify({ ...body, subscriptionId: s.id }) }));
  }

  /**
   * A resolved ticket, for subscriptions of the organisations that asked for its number: those that
   * name `ticket.resolved` get every one, the others only when they watch everything or the number.
   */
  ticketResolved(change: ChangeRecord, requesters: readonly string[]): MatchedDelivery[] {
    const event: SubscriptionEvent = 'ticket.resolved';
    const ticket = (change.after ?? {}) as Record<string, unknown>;
    const canonical = typeof ticket.canonical === 'string' ? ticket.canonical : '';
    const key = canonical ? this.matchKeyOf(canonical) : null;
    const body = {
      event,
      occurredAt: change.at,
      changeId: change.id,
      changesCursor: encodeChangeCursor(change.id),
      ticket: { id: ticket.id, number: canonical, status: ticket.status, resolution: ticket.resolution ?? null },
    };
    return requesters
      .flatMap((organisation) => this.byOrganisation.get(organisation) ?? [])
      .filter((s) => change.id > s.fromChangeId && wants(s, event))
      .filter(
        (s) =>
          s.events?.includes(event) ||
          watchesNothing(s) ||
          s.numbers?.some((n) => n.matchKey === key) ||
          s.prefixes?.some((p) => prefixMatches(p, canonical)),
      )
      .map((s) => ({
        subscriptionId: s.id,
        event,
        entityKey: `ticket:${ticket.id}`,
        payload: JSON.stringify({ ...body, subscriptionId: s.id }),
      }));
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What a receiver is told: the event, the certificate as it stands, and where to resume the change feed. */
function certificateBody(change: ChangeRecord, event: SubscriptionEvent, after: Record<string, unknown>) {
  const field = (name: string) => (after[name] === undefined ? null : after[name]);
  return {
    event,
    occurredAt: change.at,
    changeId: change.id,
    // The feed's own cursor: GET /v1/changes?since=<this> answers what happened after this event.
    changesCursor: encodeChangeCursor(change.id),
    certificate: {
      number: change.entityId,
      productName: field('productName'),
      holder: field('holder'),
      approvalDate: field('approvalDate'),
      effectiveDate: field('effectiveDate'),
      expiryDate: field('expiryDate'),
    },
    ...(Array.isArray(after.versionIds) ? { versionIds: after.versionIds } : {}),
    ...(event === 'certificate.expiring' || event === 'certificate.expired'
      ? { expiry: { threshold: field('threshold'), daysLeft: field('daysLeft'), expiryDate: field('expiryDate') } }
      : {}),
  };
}
