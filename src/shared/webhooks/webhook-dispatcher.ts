import http from 'node:http';
import https from 'node:https';
import { AppError } from '../app-error.ts';
import { ADDRESS_REFUSED, CallbackAddressRefused, checkedAddresses, pinnedLookup } from './webhook-address.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signCallback, TIMESTAMP_HEADER } from './webhook-signature.ts';

export interface WebhookSettings {
  maxAttempts: number;
  /** First retry after this; each next one waits 4× longer, at most 6 hours. */
  retryBaseMs: number;
  timeoutMs: number;
  /**
   * CALLBACK_ALLOW_PRIVATE: also send to loopback, private, link-local and other non-public
   * addresses (a receiver on the same host or network). Off, such deliveries fail at once.
   */
  allowPrivate: boolean;
}

/** One delivery due now, as an outbox hands it over: where, what, and the key that signs it. */
export interface DueWebhook {
  id: number;
  url: string;
  event: string;
  payload: string;
  attempts: number;
  secret: string;
}

export interface WebhookAttempt {
  at: string;
  code: number | null;
}

export interface FailedAttempt extends WebhookAttempt {
  error: string;
  attempts: number;
  /** False: the outbox gives up on this delivery. */
  retry: boolean;
  /** When to try again; null when it gives up. */
  next: string | null;
}

/**
 * An outbox table the dispatcher drains. Each outbox keeps its own rows and decides what is due
 * (a paused subscription's are not); the sending, signing, address checks and backoff are shared.
 */
export interface WebhookOutboxStore {
  due(now: string, limit: number): DueWebhook[];
  /** The earliest next attempt among pending rows: '' when one is due at once, null when none is pending. */
  nextDue(): string | null;
  delivered(delivery: DueWebhook, attempt: WebhookAttempt): void;
  failed(delivery: DueWebhook, attempt: FailedAttempt): void;
}

/** Runs one synchronous write, waiting for another process's lock on timers (the server's WriteLock). */
export type RunWrite = (write: () => unknown) => unknown;

const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
const POLL_MS = 30_000;
const CONCURRENCY = 4;

export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 4 ** Math.max(0, attempts - 1));
}

/**
 * Sends pending webhooks outside every transaction, on the wall clock: a slow or failing
 * receiver delays only its own retries, never the workflow that caused them. Polls now and then
 * for deliveries written by other processes (an import run from the CLI).
 */
export class WebhookDispatcher {
  private readonly inFlight = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: WebhookOutboxStore,
    private readonly settings: WebhookSettings,
    private readonly runWrite: RunWrite,
    /** False: nothing is sent (ticket callbacks without CALLBACK_SECRET). */
    private readonly enabled: boolean,
    /** The database is still open: a timer firing after shutdown does nothing. */
    private readonly isOpen: () => boolean,
    private readonly userAgent: string,
  ) {}

  /** Delivers whatever is due now, and keeps a timer for the next retry. */
  kick(): void {
    if (this.stopped || !this.enabled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      } else {
        this.schedule();
      }
    });
  }

  /** Resolves once nothing is being sent (tests wait on this before reading the delivery log). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  start(): void {
    this.kick();
    if (!this.running) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped || !this.isOpen()) return;
      const batch = this.store.due(new Date().toISOString(), CONCURRENCY).filter((d) => !this.inFlight.has(d.id));
      if (batch.length === 0) return;
      await Promise.all(batch.map((delivery) => this.deliver(delivery)));
    }
  }

  private async deliver(delivery: DueWebhook): Promise<void> {
    this.inFlight.add(delivery.id);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let code: number | null = null;
    let error: string | null = null;
    let permanent = false;
    try {
      code = await this.post(delivery, {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': this.userAgent,
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: String(delivery.id),
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signCallback(delivery.secret, timestamp, delivery.payload),
      });
      // Redirects are not followed: a 3xx is a failed attempt like any other non-2xx.
      if (code < 200 || code >= 300) error = `HTTP ${code}`;
    } catch (caught) {
      if (caught instanceof CallbackAddressRefused) {
        // Where the URL points will not change by retrying: give up at once.
        permanent = true;
        error = `${ADDRESS_REFUSED}: ${caught.message}`.slice(0, 500);
      } else {
        error = caught instanceof Error ? `${caught.name}: ${caught.message}`.slice(0, 500) : 'request failed';
      }
    } finally {
      this.inFlight.delete(delivery.id);
    }
    if (this.stopped || !this.isOpen()) return;
    const at = new Date().toISOString();
    if (error === null) {
      await this.record(() => this.store.delivered(delivery, { at, code }));
      return;
    }
    const attempts = delivery.attempts + 1;
    const givesUp = permanent || attempts >= this.settings.maxAttempts;
    const next = givesUp ? null : new Date(Date.now() + backoffMs(attempts, this.settings.retryBaseMs)).toISOString();
    await this.record(() => this.store.failed(delivery, { at, code, error, attempts, retry: !givesUp, next }));
  }

  /**
   * Records an attempt, waiting for another process's write lock on timers. One that cannot be
   * recorded in time leaves the delivery pending: it is sent again (receivers tell repeats by
   * the delivery id), and the error never escapes into the timer that drives this.
   */
  private async record(write: () => unknown): Promise<void> {
    try {
      await this.runWrite(write);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'database_busy')) throw error;
    }
  }

  /**
   * One POST, answering the status code. The host is resolved and checked first, and the
   * connection goes to the checked addresses only; nothing is followed, nothing is pooled.
   */
  private async post(delivery: DueWebhook, headers: Record<string, string>): Promise<number> {
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    const url = new URL(delivery.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported scheme ${url.protocol}`);
    const addresses = await abortable(checkedAddresses(url, { allowPrivate: this.settings.allowPrivate }), signal);
    return new Promise<number>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        { method: 'POST', headers, agent: false, lookup: pinnedLookup(addresses), signal },
        (response) => {
          resolve(response.statusCode ?? 0);
          // The answer's body is not read; the connection is not kept.
          response.destroy();
        },
      );
      request.on('error', (error) => reject(signal.aborted && signal.reason instanceof Error ? signal.reason : error));
      request.end(delivery.payload);
    });
  }

  private schedule(): void {
    if (this.stopped || !this.isOpen()) return;
    if (this.timer) clearTimeout(this.timer);
    const next = this.store.nextDue();
    const dueAt = next === null ? Date.now() + POLL_MS : next === '' ? Date.now() : Date.parse(next);
    const wait = Math.max(10, Math.min(POLL_MS, dueAt - Date.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
      if (!this.running) this.schedule();
    }, wait);
    this.timer.unref();
  }
}

/** Settles with the promise, or rejects with the signal's reason once it aborts (a slow resolver). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
