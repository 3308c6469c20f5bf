import type Database from 'better-sqlite3';
import { type ChangeRow, parsedChange } from '../changes/change-log.ts';
import type { ServiceState } from '../db/service-state.ts';
import type { RunWrite } from '../shared/webhooks/webhook-dispatcher.ts';
import { CERTIFICATE_ACTION_EVENTS } from './subscription-events.ts';
import { type MatchedDelivery, SubscriptionMatcher } from './subscription-matcher.ts';
import type { SubscriptionsRepository } from './subscriptions.repository.ts';

/** The last change_log id the feed has matched (service_state). */
const POSITION_KEY = 'subscriptions.feed_position';
/** Changes per transaction: small enough that a request waiting for the lock hardly notices. */
const BATCH = 500;
/** For changes written by other processes (a command-line import). */
const POLL_MS = 5_000;

export interface FeedBatch {
  read: number;
  enqueued: number;
  more: boolean;
}

/**
 * Turns the change feed into subscription deliveries, after commit and outside every import: the
 * writer only asks for a drain, so a million-row import pays nothing per change. Each batch reads
 * the changes after the stored position, writes the deliveries they match and moves the position
 * in one transaction, so a crash neither loses nor repeats a delivery.
 */
export class SubscriptionFeed {
  private readonly changes: Database.Statement<[number, number], ChangeRow>;
  private readonly lastId: Database.Statement<[], number | null>;
  private readonly requesters: Database.Statement<[number], string>;
  private readonly insert: Database.Statement;
  private readonly batchTransaction: () => FeedBatch;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Only the server drains: a command-line import only writes changes, the server's poll picks them up. */
  private started = false;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly state: ServiceState,
    private readonly repository: SubscriptionsRepository,
    private readonly runWrite: RunWrite,
    private readonly matchKeyOf: (canonical: string) => string | null,
    private readonly now: () => Date,
    /** Deliveries were written: the dispatcher should look. */
    private readonly onEnqueued: () => void,
  ) {
    const actions = Object.keys(CERTIFICATE_ACTION_EVENTS)
      .map((a) => `'${a}'`)
      .join(', ');
    this.changes = sqlite.prepare(`
      SELECT id, at, actor, entity, entity_id AS entityId, action, before, after FROM change_log
      WHERE id > ? AND ((entity = 'certificate' AND action IN (${actions})) OR (entity = 'ticket' AND action = 'resolved'))
      ORDER BY id LIMIT ?`);
    this.lastId = sqlite.prepare<[], number | null>('SELECT max(id) FROM change_log').pluck();
    this.requesters = sqlite.prepare<[number], string>('SELECT organisation FROM ticket_requesters WHERE ticket_id = ?').pluck();
    this.insert = sqlite.prepare(`
      INSERT INTO subscription_deliveries (subscription_id, change_id, entity_key, event, payload, status, attempts, created_at)
      VALUES (@subscriptionId, @changeId, @entityKey, @event, @payload, 'pending', 0, @createdAt)
      ON CONFLICT (subscription_id, change_id) DO NOTHING`);
    const batch = sqlite.transaction(() => this.batchUnsafe());
    this.batchTransaction = () => batch.immediate();
  }

  /** Asks for a drain soon; cheap enough to call from inside the writer's transaction. */
  kick(): void {
    if (this.stopped || !this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        await this.drain();
      })
      .catch(() => {
        // A busy database or a closed one: the poll tries again.
      })
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once nothing is being drained (tests wait on this). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Matches everything up to now, batch by batch, letting the event loop breathe in between. */
  async drain(): Promise<{ read: number; enqueued: number }> {
    let read = 0;
    let enqueued = 0;
    for (;;) {
      if (this.stopped || !this.sqlite.open) break;
      const batch = (await this.runWrite(this.batchTransaction)) as FeedBatch;
      read += batch.read;
      enqueued += batch.enqueued;
      if (batch.enqueued > 0) this.onEnqueued();
      if (!batch.more) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { read, enqueued };
  }

  start(): void {
    this.started = true;
    this.kick();
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private batchUnsafe(): FeedBatch {
    const subscriptions = this.repository.listLive();
    const stored = this.state.get(POSITION_KEY);
    const last = this.lastId.get() ?? 0;
    // Nothing stored yet: from the oldest subscription's start (none: from now on).
    const position = stored !== null ? Number(stored) : Math.min(last, ...subscriptions.map((s) => s.fromChangeId));
    if (subscriptions.length === 0) {
      if (position !== last || stored === null) this.state.set(POSITION_KEY, String(last));
      return { read: 0, enqueued: 0, more: false };
    }
    const rows = this.changes.all(position, BATCH);
    const matcher = new SubscriptionMatcher(subscriptions, this.matchKeyOf);
    const createdAt = this.now().toISOString();
    let enqueued = 0;
    for (const row of rows) {
      const change = parsedChange(row);
      const matched: MatchedDelivery[] =
        change.entity === 'ticket'
          ? matcher.ticketResolved(change, this.requesters.all(Number(change.entityId)))
          : matcher.certificate(change);
      for (const delivery of matched) enqueued += this.insert.run({ ...delivery, changeId: change.id, createdAt }).changes;
    }
    const more = rows.length === BATCH;
    // A short batch read everything there is: the position may skip the changes nobody subscribes to.
    const next = more ? rows.at(-1)!.id : Math.max(position, last);
    if (next !== position || stored === null) this.state.set(POSITION_KEY, String(next));
    return { read: rows.length, enqueued, more };
  }
}
