import { AppError } from '../shared/app-error.ts';
import { HostThrottle, sleep } from './host-throttle.ts';
import { sourceHttpError, sourceNetworkError, sourceTimeout, sourceTooLarge } from './sources.errors.ts';

interface FetcherOptions {
  userAgent: string;
  timeoutMs: number;
  retries: number;
  minIntervalMs: number;
  /** First retry waits this long, then twice as long each time (with jitter), at most 30 s. */
  backoffMs: number;
  maxBytes?: number;
  throttle?: HostThrottle;
}

interface PageRequest {
  url: string;
  /** Validators from the last successful fetch: the server may answer 304 Not Modified. */
  etag?: string | null;
  lastModified?: string | null;
  /** Per-source overrides of the defaults. */
  timeoutMs?: number;
  retries?: number;
  minIntervalMs?: number;
}

export type PageResponse =
  | {
      kind: 'ok';
      url: string;
      status: number;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not_modified'; url: string; status: 304 };

const MAX_BACKOFF_MS = 30_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Worth another try: the server or the network may recover. 4xx other than these will not. */
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Fetches pages the way a polite robot should: one request at a time per host with a pause
 * between them, a clear User-Agent, a timeout on every request, a few retries with growing
 * pauses (honouring Retry-After), and conditional requests so unchanged pages cost a 304.
 */
export class PoliteFetcher {
  readonly throttle: HostThrottle;

  constructor(private readonly options: FetcherOptions) {
    this.throttle = options.throttle ?? new HostThrottle();
  }

  async fetch(request: PageRequest): Promise<PageResponse> {
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const retries = request.retries ?? this.options.retries;
    const interval = request.minIntervalMs ?? this.options.minIntervalMs;
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;

    let lastError: AppError | null = null;
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      await this.throttle.wait(request.url, interval);
      const outcome = await this.attempt(request.url, headers, timeoutMs, attempt);
      if (!('retry' in outcome)) return outcome;
      lastError = outcome.retry;
      if (attempt <= retries) await sleep(outcome.retryAfterMs ?? this.backoff(attempt));
    }
    throw lastError ?? sourceNetworkError(request.url, 'no attempt made', 0);
  }

  /** One request: a final answer, a final error (thrown), or an error worth retrying. */
  private async attempt(
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
    attempt: number,
  ): Promise<PageResponse | { retry: AppError; retryAfterMs: number | null }> {
    const failed = (error: unknown) => ({
      retry: isTimeout(error) ? sourceTimeout(url, timeoutMs, attempt) : sourceNetworkError(url, describe(error), attempt),
      retryAfterMs: null,
    });
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return failed(error);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not_modified', url: response.url || url, status: 304 };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const error = sourceHttpError(url, response.status, attempt);
      if (!RETRYABLE_STATUS.has(response.status)) throw error;
      return { retry: error, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
    }
    let body: Buffer;
    try {
      // The timeout's signal still runs: a server that trickles its body is cut off too.
      body = await readLimited(response, url, this.options.maxBytes ?? DEFAULT_MAX_BYTES);
    } catch (error) {
      if (error instanceof AppError) throw error;
      return failed(error);
    }
    return {
      kind: 'ok',
      url: response.url || url,
      status: response.status,
      body,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  }

  private backoff(attempt: number): number {
    const base = this.options.backoffMs * 2 ** (attempt - 1);
    // Jitter spreads retries from several sources hitting one recovering host.
    return Math.min(MAX_BACKOFF_MS, base * (0.75 + Math.random() * 0.5));
  }
}

async function readLimited(response: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw sourceTooLarge(url, maxBytes);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw sourceTooLarge(url, maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(MAX_BACKOFF_MS, Math.max(0, seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.min(MAX_BACKOFF_MS, Math.max(0, at - Date.now()));
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'TimeoutError' || error.name === 'AbortError' || (error.cause instanceof Error && isTimeout(error.cause));
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
