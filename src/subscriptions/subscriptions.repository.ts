import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { redactCallbackUrl } from '../auth/redaction.ts';
import type { ChangeLog } from '../changes/change-log.ts';
import type { SubscriptionEvent } from './subscription-events.ts';
import type { WatchedNumber } from './subscription-watch.ts';
import type { DeliveryView, SubscriptionView } from './subscriptions.schemas.ts';
import type { subscriptions } from './subscriptions.table.ts';

type StoredRow = typeof subscriptions.$inferSelect;

/** A subscription as the feed and the dispatcher use it: JSON columns read, the secret kept. */
export interface Subscription extends Omit<StoredRow, 'numbers' | 'holders' | 'prefixes' | 'events' | 'expiringDays'> {
  numbers: WatchedNumber[] | null;
  holders: string[] | null;
  prefixes: string[] | null;
  events: SubscriptionEvent[] | null;
  expiringDays: number[];
}

export interface NewSubscription {
  organisation: string;
  createdBy: string;
  callbackUrl: string;
  numbers: WatchedNumber[] | null;
  holders: string[] | null;
  prefixes: string[] | null;
  events: SubscriptionEvent[] | null;
  expiringDays: number[];
}

const COLUMNS = `id, organisation, created_by AS createdBy, callback_url AS callbackUrl, secret, numbers, holders, prefixes,
  events, expiring_days AS expiringDays, from_change_id AS fromChangeId, consecutive_failures AS consecutiveFailures,
  failing_since AS failingSince, paused_at AS pausedAt, paused_reason AS pausedReason, created_at AS createdAt, deleted_at AS deletedAt`;

const DELIVERY_COLUMNS = `id, event, change_id AS changeId, entity_key AS entityKey, status, attempts, next_attempt_at AS nextAttemptAt,
  last_attempt_at AS lastAttemptAt, last_status_code AS lastStatusCode, last_error AS lastError, created_at AS createdAt,
  delivered_at AS deliveredAt`;

type RawRow = Omit<Subscription, 'numbers' | 'holders' | 'prefixes' | 'events' | 'expiringDays'> &
  Record<'numbers' | 'holders' | 'prefixes' | 'events' | 'expiringDays', string | null>;

function parsed(row: RawRow): Subscription {
  const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
  return {
    ...row,
    numbers: json(row.numbers),
    holders: json(row.holders),
    prefixes: json(row.prefixes),
    events: json(row.events),
    expiringDays: json<number[]>(row.expiringDays) ?? [],
  };
}

/** What any answer shows of a subscription: never its secret, and the callback URL without its path. */
export function subscriptionView(s: Subscription, allEvents: readonly SubscriptionEvent[]): SubscriptionView {
  return {
    id: s.id,
    organisation: s.organisation,
    numbers: s.numbers?.map((n) => n.canonical) ?? null,
    holders: s.holders,
    prefixes: s.prefixes,
    events: s.events ?? [...allEvents],
    expiringDays: s.expiringDays,
    callbackUrl: redactCallbackUrl(s.callbackUrl),
    status: s.pausedAt ? 'paused' : 'active',
    pausedAt: s.pausedAt,
    pausedReason: s.pausedReason,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    deliveriesHref: `/v1/subscriptions/${s.id}/deliveries`,
  };
}

/** Subscriptions and their delivery log; every write is recorded in the change log (without the secret). */
export class SubscriptionsRepository {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement<[number], RawRow>;
  private readonly live: Database.Statement<[], RawRow>;
  private readonly ofOrganisation: Database.Statement<[string], RawRow>;
  private readonly everyLive: Database.Statement<[], RawRow>;
  private readonly markDeleted: Database.Statement;
  private readonly skipPending: Database.Statement;
  private readonly markResumed: Database.Statement;
  private readonly retryNow: Database.Statement;
  private readonly lastChange: Database.Statement<[], number | null>;
  private readonly deliveryPage: Database.Statement<[number, number, number], DeliveryView>;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly changeLog: ChangeLog,
    private readonly now: () => Date,
  ) {
    this.insert = sqlite.prepare(`
      INSERT INTO subscriptions (organisation, created_by, callback_url, secret, numbers, holders, prefixes, events,
        expiring_days, from_change_id, created_at)
      VALUES (@organisation, @createdBy, @callbackUrl, @secret, @numbers, @holders, @prefixes, @events, @expiringDays,
        @fromChangeId, @createdAt)`);
    this.byId = sqlite.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ? AND deleted_at IS NULL`);
    this.live = sqlite.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE deleted_at IS NULL ORDER BY id`);
    this.ofOrganisation = sqlite.prepare(
      `SELECT ${COLUMNS} FROM subscriptions WHERE organisation = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT 1000`,
    );
    this.everyLive = sqlite.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1000`);
    this.markDeleted = sqlite.prepare('UPDATE subscriptions SET deleted_at = ? WHERE id = ?');
    this.skipPending = sqlite.prepare(
      `UPDATE subscription_deliveries SET status = 'skipped', next_attempt_at = NULL WHERE subscription_id = ? AND status = 'pending'`,
    );
    this.markResumed = sqlite.prepare(
      'UPDATE subscriptions SET paused_at = NULL, paused_reason = NULL, consecutive_failures = 0, failing_since = NULL WHERE id = ?',
    );
    this.retryNow = sqlite.prepare(
      `UPDATE subscription_deliveries SET next_attempt_at = NULL WHERE subscription_id = ? AND status = 'pending'`,
    );
    this.lastChange = sqlite.prepare<[], number | null>('SELECT max(id) FROM change_log').pluck();
    this.deliveryPage = sqlite.prepare(
      `SELECT ${DELIVERY_COLUMNS} FROM subscription_deliveries WHERE subscription_id = ? AND id > ? ORDER BY id LIMIT ?`,
    );
  }

  /** Creates one; the secret is answered here alone. */
  create(input: NewSubscription): { subscription: Subscription; secret: string } {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const at = this.now().toISOString();
    const id = this.sqlite
      .transaction(() => {
        const result = this.insert.run({
          ...input,
          secret,
          numbers: jsonOrNull(input.numbers),
          holders: jsonOrNull(input.holders),
          prefixes: jsonOrNull(input.prefixes),
          events: jsonOrNull(input.events),
          expiringDays: JSON.stringify(input.expiringDays),
          fromChangeId: this.lastChange.get() ?? 0,
          createdAt: at,
        });
        const created = Number(result.lastInsertRowid);
        this.record(input.createdBy, created, 'created', null, this.get(created));
        return created;
      })
      .immediate();
    return { subscription: this.get(id)!, secret };
  }

  get(id: number): Subscription | null {
    const row = this.byId.get(id);
    return row ? parsed(row) : null;
  }

  /** Every subscription not deleted: a paused one still gets its deliveries written, held until it resumes. */
  listLive(): Subscription[] {
    return this.live.all().map(parsed);
  }

  /** An organisation's, or (null) everyone's, newest first. */
  list(organisation: string | null): Subscription[] {
    return (organisation === null ? this.everyLive.all() : this.ofOrganisation.all(organisation)).map(parsed);
  }

  /** Deletes it; deliveries not yet sent are skipped, the log stays. */
  delete(id: number, actor: string): void {
    this.sqlite
      .transaction(() => {
        const before = this.get(id);
        this.markDeleted.run(this.now().toISOString(), id);
        this.skipPending.run(id);
        this.record(actor, id, 'deleted', before, null);
      })
      .immediate();
  }

  resume(id: number, actor: string): Subscription {
    return this.sqlite
      .transaction(() => {
        const before = this.get(id);
        this.markResumed.run(id);
        // Resuming says the endpoint is back: what was held is tried now, not after its backoff.
        this.retryNow.run(id);
        const after = this.get(id)!;
        this.record(actor, id, 'resumed', before, after);
        return after;
      })
      .immediate();
  }

  deliveries(subscriptionId: number, afterId: number, limit: number): DeliveryView[] {
    return this.deliveryPage.all(subscriptionId, afterId, limit);
  }

  /** Recorded without the secret and with the callback URL's path hidden (the change log redacts both). */
  private record(actor: string, id: number, action: string, before: Subscription | null, after: Subscription | null): void {
    this.changeLog.append({ actor, entity: 'subscription', entityId: String(id), action, before, after });
  }
}

function jsonOrNull(value: unknown[] | null): string | null {
  return value === null ? null : JSON.stringify(value);
}
