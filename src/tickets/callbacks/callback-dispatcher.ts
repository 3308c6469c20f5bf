import type Database from 'better-sqlite3';
import type { WriteLock } from '../../db/write-lock.ts';
import {
  type DueWebhook,
  WebhookDispatcher,
  type WebhookOutboxStore,
  type WebhookSettings,
} from '../../shared/webhooks/webhook-dispatcher.ts';
import { DELIVERY_COLUMNS, type DeliveryRow } from './callback-outbox.ts';

export interface CallbackSettings extends WebhookSettings {
  /** CALLBACK_SECRET; without it nothing is sent (deliveries are logged as skipped). */
  secret: string | null;
}

/** The ticket callbacks' outbox (`callback_deliveries`), as the shared dispatcher drains it; every one is signed with CALLBACK_SECRET. */
function callbackStore(sqlite: Database.Database, secret: string): WebhookOutboxStore {
  const due = sqlite.prepare<[{ now: string; limit: number }], DeliveryRow>(`
    SELECT ${DELIVERY_COLUMNS} FROM callback_deliveries
    WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now) ORDER BY id LIMIT @limit`);
  const nextDue = sqlite.prepare<[], { at: string | null }>(
    `SELECT min(coalesce(next_attempt_at, '')) AS at FROM callback_deliveries WHERE status = 'pending'`,
  );
  const succeeded = sqlite.prepare(`
    UPDATE callback_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = @at,
      delivered_at = @at, last_status_code = @code, last_error = NULL, next_attempt_at = NULL WHERE id = @id`);
  const failed = sqlite.prepare(`
    UPDATE callback_deliveries SET status = @status, attempts = @attempts, last_attempt_at = @at,
      last_status_code = @code, last_error = @error, next_attempt_at = @next WHERE id = @id`);
  return {
    due: (now, limit): DueWebhook[] => due.all({ now, limit }).map((row) => ({ ...row, secret })),
    nextDue: () => nextDue.get()?.at ?? null,
    delivered: (delivery, { at, code }) => succeeded.run({ id: delivery.id, at, code }),
    failed: (delivery, { at, code, error, attempts, retry, next }) =>
      failed.run({ id: delivery.id, status: retry ? 'pending' : 'failed', attempts, at, code, error, next }),
  };
}

/** Sends ticket callbacks after commit (the shared webhook dispatcher over `callback_deliveries`). */
export class CallbackDispatcher extends WebhookDispatcher {
  constructor(sqlite: Database.Database, settings: CallbackSettings, writes: WriteLock) {
    super(
      callbackStore(sqlite, settings.secret ?? ''),
      settings,
      (write) => writes.run(write),
      settings.secret !== null,
      () => sqlite.open,
      'certref-callbacks/1',
    );
  }
}
