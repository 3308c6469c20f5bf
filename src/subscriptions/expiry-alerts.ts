import type Database from 'better-sqlite3';
import { expiredOn } from '../certificates/validity.ts';
import type { ChangeLog } from '../changes/change-log.ts';
import type { Clock } from '../shared/clock.ts';
import { addDays, type IsoDate } from '../shared/dates.ts';
import type { SubscriptionsRepository } from './subscriptions.repository.ts';

/** The threshold recorded for `certificate.expired`. */
const EXPIRED = 0;
/**
 * How far back a first run (or one after a long outage) still announces an expiry: a database
 * holds decades of expired certificates, and telling subscribers about all of them helps nobody.
 */
export const EXPIRED_CATCH_UP_DAYS = 30;
const BATCH = 1000;
const ACTOR = 'job:expiry-alerts';

interface ExpiringRow {
  id: number;
  canonical: string;
  productName: string | null;
  holder: string | null;
  expiryDate: IsoDate;
}

export interface ExpiryAlertCounts {
  [count: string]: number;
  checked: number;
  expiring: number;
  expired: number;
}

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Raises `certificate.expiring` and `certificate.expired` into the change log, where the feed
 * matches them like any other change. Each is raised once per certificate, threshold and expiry
 * date (`expiry_alerts`): running again, or after a restart, raises nothing new, a missed day is
 * caught up (whatever is inside a threshold now and was not raised is raised), and a renewal — a
 * new expiry date — arms them again. Nothing is raised while no subscription wants these events.
 */
export class ExpiryAlerts {
  private readonly candidates: Database.Statement<{ from: IsoDate; to: IsoDate; afterId: number; limit: number }, ExpiringRow>;
  private readonly raised: Database.Statement<[number, number, IsoDate], number>;
  private readonly record: Database.Statement;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly changeLog: ChangeLog,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clock: Clock,
  ) {
    // Superseded certificates (replaced by a new number) are left out: their successor is what matters.
    this.candidates = sqlite.prepare(`
      SELECT c.id, c.canonical, c.product_name AS productName, c.holder, c.expiry_date AS expiryDate FROM certificates c
      WHERE c.id > @afterId AND c.expiry_date IS NOT NULL AND c.expiry_date >= @from AND c.expiry_date <= @to
        AND NOT EXISTS (SELECT 1 FROM certificate_links l WHERE l.from_match_key = c.match_key)
      ORDER BY c.id LIMIT @limit`);
    this.raised = sqlite
      .prepare<[number, number, IsoDate], number>(
        'SELECT 1 FROM expiry_alerts WHERE certificate_id = ? AND threshold = ? AND expiry_date = ?',
      )
      .pluck();
    this.record = sqlite.prepare(
      'INSERT INTO expiry_alerts (certificate_id, threshold, expiry_date, change_id, raised_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /** The thresholds some live subscription wants, widest first; empty when none wants expiry events at all. */
  thresholds(): { expiring: number[]; expired: boolean } {
    const live = this.subscriptions.listLive();
    const expiring = new Set<number>();
    let expired = false;
    for (const s of live) {
      if (!s.events || s.events.includes('certificate.expiring')) for (const days of s.expiringDays) expiring.add(days);
      if (!s.events || s.events.includes('certificate.expired')) expired = true;
    }
    return { expiring: [...expiring].sort((a, b) => b - a), expired };
  }

  /** One pass over the certificates whose expiry is near or just past, in batches of one transaction each. */
  run(runWrite: (write: () => unknown) => unknown): Promise<ExpiryAlertCounts> | ExpiryAlertCounts {
    const today = this.clock.today();
    const { expiring, expired } = this.thresholds();
    const counts: ExpiryAlertCounts = { checked: 0, expiring: 0, expired: 0 };
    if (expiring.length === 0 && !expired) return counts;
    const window = { from: addDays(today, -EXPIRED_CATCH_UP_DAYS), to: addDays(today, expiring[0] ?? 0) };
    const batch = this.sqlite.transaction((afterId: number) => this.batch(today, window, afterId, expiring, expired, counts));
    const loop = async () => {
      let afterId = 0;
      for (;;) {
        const last = (await runWrite(() => batch.immediate(afterId))) as number | null;
        if (last === null) return counts;
        afterId = last;
      }
    };
    return loop();
  }

  private batch(
    today: IsoDate,
    window: { from: IsoDate; to: IsoDate },
    afterId: number,
    expiring: readonly number[],
    expired: boolean,
    counts: ExpiryAlertCounts,
  ): number | null {
    const rows = this.candidates.all({ ...window, afterId, limit: BATCH });
    const at = this.clock.now().toISOString();
    for (const row of rows) {
      counts.checked++;
      if (expiredOn(row.expiryDate, today)) {
        if (expired && this.raise(row, EXPIRED, 'expired', daysBetween(today, row.expiryDate), at)) counts.expired++;
        continue;
      }
      const daysLeft = daysBetween(today, row.expiryDate);
      // Widest first, so a catch-up tells a receiver 180, then 90, then 30, in that order.
      for (const threshold of expiring) {
        if (daysLeft <= threshold && this.raise(row, threshold, 'expiring', daysLeft, at)) counts.expiring++;
      }
    }
    return rows.length === BATCH ? rows.at(-1)!.id : null;
  }

  private raise(row: ExpiringRow, threshold: number, action: 'expiring' | 'expired', daysLeft: number, at: string): boolean {
    if (this.raised.get(row.id, threshold, row.expiryDate) !== undefined) return false;
    const changeId = this.changeLog.append(
      {
        actor: ACTOR,
        entity: 'certificate',
        entityId: row.canonical,
        action,
        before: null,
        after: { threshold, daysLeft, expiryDate: row.expiryDate, productName: row.productName, holder: row.holder },
      },
      at,
    );
    this.record.run(row.id, threshold, row.expiryDate, changeId, at);
    return true;
  }
}
