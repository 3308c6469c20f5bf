import type Database from 'better-sqlite3';
import type { DueWebhook, FailedAttempt, WebhookOutboxStore } from '../shared/webhooks/webhook-dispatcher.ts';

export interface PausePolicy {
  /** SUBSCRIPTION_PAUSE_AFTER_FAILURES: failed attempts in a row. */
  failures: number;
  /** SUBSCRIPTION_PAUSE_AFTER_MINUTES: for at least this long. */
  minutes: number;
}

/**
 * `subscription_deliveries` as the shared dispatcher drains it. What is due: pending rows of
 * subscriptions neither paused nor deleted, and only the oldest pending one per subscription and
 * certificate, so one certificate's notices arrive in the order they happened even across retries.
 * Each attempt also counts towards pausing an endpoint that keeps failing.
 */
export function subscriptionOutbox(sqlite: Database.Database, pause: PausePolicy): WebhookOutboxStore {
  const live = 'JOIN subscriptions s ON s.id = d.subscription_id AND s.paused_at IS NULL AND s.deleted_at IS NULL';
  const due = sqlite.prepare<[{ now: string; limit: number }], DueWebhook>(`
    SELECT d.id, s.callback_url AS url, d.event, d.payload, d.attempts, s.secret FROM subscription_deliveries d ${live}
    WHERE d.status = 'pending' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= @now)
      AND NOT EXISTS (SELECT 1 FROM subscription_deliveries e WHERE e.subscription_id = d.subscription_id
        AND e.entity_key = d.entity_key AND e.status = 'pending' AND e.id < d.id)
    ORDER BY d.id LIMIT @limit`);
  const nextDue = sqlite.prepare<[], { at: string | null }>(
    `SELECT min(coalesce(d.next_attempt_at, '')) AS at FROM subscription_deliveries d ${live} WHERE d.status = 'pending'`,
  );
  const succeeded = sqlite.prepare(`
    UPDATE subscription_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = @at,
      delivered_at = @at, last_status_code = @code, last_error = NULL, next_attempt_at = NULL WHERE id = @id`);
  const failed = sqlite.prepare(`
    UPDATE subscription_deliveries SET status = @status, attempts = @attempts, last_attempt_at = @at,
      last_status_code = @code, last_error = @error, next_attempt_at = @next WHERE id = @id`);
  const ownerOf = '(SELECT subscription_id FROM subscription_deliveries WHERE id = @id)';
  const healthy = sqlite.prepare(`UPDATE subscriptions SET consecutive_failures = 0, failing_since = NULL WHERE id = ${ownerOf}`);
  const failing = sqlite.prepare<{ id: number; at: string }, { id: number; failures: number; since: string }>(`
    UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, @at)
    WHERE id = ${ownerOf} RETURNING id, consecutive_failures AS failures, failing_since AS since`);
  const paused = sqlite.prepare('UPDATE subscriptions SET paused_at = @at, paused_reason = @reason WHERE id = @id AND paused_at IS NULL');

  return {
    due: (now, limit) => due.all({ now, limit }),
    nextDue: () => nextDue.get()?.at ?? null,
    delivered: (delivery, { at, code }) => {
      succeeded.run({ id: delivery.id, at, code });
      healthy.run({ id: delivery.id });
    },
    failed: (delivery, attempt) => {
      failed.run({ id: delivery.id, status: attempt.retry ? 'pending' : 'failed', ...pick(attempt) });
      const state = failing.get({ id: delivery.id, at: attempt.at });
      if (!state || state.failures < pause.failures) return;
      if (Date.parse(attempt.at) - Date.parse(state.since) < pause.minutes * 60_000) return;
      paused.run({ id: state.id, at: attempt.at, reason: pauseReason(state.failures, state.since, attempt.error) });
    },
  };
}

function pick({ attempts, at, code, error, next }: FailedAttempt) {
  return { attempts, at, code, error, next };
}

function pauseReason(failures: number, since: string, lastError: string): string {
  return `接收地址自 ${since} 起连续 ${failures} 次投递失败，最后一次：${lastError}。 The endpoint failed ${failures} attempts in a row since ${since}; last: ${lastError}.`;
}
