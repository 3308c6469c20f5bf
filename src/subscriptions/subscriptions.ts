import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import type { ChangeLog } from '../changes/change-log.ts';
import type { AppConfig } from '../config/config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { ServiceState } from '../db/service-state.ts';
import type { WriteLock } from '../db/write-lock.ts';
import { normalise } from '../numbers/normalise.ts';
import type { Clock } from '../shared/clock.ts';
import { WebhookDispatcher } from '../shared/webhooks/webhook-dispatcher.ts';
import { expiryAlertsJob } from './expiry-alerts.job.ts';
import { ExpiryAlerts } from './expiry-alerts.ts';
import { SubscriptionFeed } from './subscription-feed.ts';
import { subscriptionOutbox } from './subscription-outbox.ts';
import { SubscriptionsRepository } from './subscriptions.repository.ts';

interface SubscriptionsDeps {
  database: DatabaseHandle;
  config: AppConfig;
  clock: Clock;
  writes: WriteLock;
  writer: CertificateWriter;
  changeLog: ChangeLog;
}

/**
 * Subscriptions' parts, wired: the repository, the feed that matches changes after commit, the
 * dispatcher that sends (shared with ticket callbacks' logic, its own table), and the expiry job.
 */
export function createSubscriptions({ database, config, clock, writes, writer, changeLog }: SubscriptionsDeps) {
  const { sqlite } = database;
  const runWrite = (write: () => unknown) => writes.run(write);
  const repository = new SubscriptionsRepository(sqlite, changeLog, clock.now);
  const dispatcher = new WebhookDispatcher(
    subscriptionOutbox(sqlite, { failures: config.subscriptions.pauseAfterFailures, minutes: config.subscriptions.pauseAfterMinutes }),
    {
      maxAttempts: config.callbackMaxAttempts,
      retryBaseMs: config.callbackRetryBaseMs,
      timeoutMs: config.callbackTimeoutMs,
      allowPrivate: config.callbackAllowPrivate,
    },
    runWrite,
    true,
    () => sqlite.open,
    'certref-subscriptions/1',
  );
  const matchKeyOf = (canonical: string) => normalise(canonical, { currentYear: clock.currentYear() }).numbers[0]?.matchKey ?? null;
  const feed = new SubscriptionFeed(sqlite, new ServiceState(sqlite), repository, runWrite, matchKeyOf, clock.now, () => dispatcher.kick());
  // Only a request for a drain inside the writer's transaction: the matching happens after commit.
  writer.onWrite(() => feed.kick());
  const expiryAlerts = new ExpiryAlerts(sqlite, changeLog, repository, clock);
  const raiseExpiryAlerts = async () => {
    const counts = await expiryAlerts.run(runWrite);
    feed.kick();
    return counts;
  };
  return {
    repository,
    feed,
    dispatcher,
    expiryAlerts,
    job: expiryAlertsJob(raiseExpiryAlerts, config.subscriptions.expiryAlertsSchedule, config.freshness.housekeepingEnabled),
    start: () => {
      feed.start();
      dispatcher.start();
    },
    stop: () => {
      feed.stop();
      dispatcher.stop();
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
