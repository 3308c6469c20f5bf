import os from 'node:os';
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';

const cronExpression = z.string().refine((value) => cron.validate(value), { message: 'not a valid cron expression' });

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Every setting the service reads, parsed once at start. Nothing else in the code reads
 * `process.env`: the composition root passes this object down.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/certref.db'),
  /** How long a server write waits for another process's lock (a CLI import) before answering 503 database_busy. */
  DATABASE_WRITE_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  DEMO_DATA: booleanFromEnv.default(true),
  DEMO_DATA_SIZE: z.coerce.number().int().min(0).max(5_000_000).default(50_000),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Logging each request costs ~30% of throughput on the hot lookup routes. */
  LOG_REQUESTS: booleanFromEnv.default(false),
  TIMEZONE: z.string().default('Asia/Shanghai'),
  AUTOFILL_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000_000).default(50_000),
  // Correction queue and access.
  LOOKUPS_REQUIRE_KEY: booleanFromEnv.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  CLAIM_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(120),
  CALLBACK_SECRET: z.string().min(16, 'CALLBACK_SECRET must be at least 16 characters').optional(),
  CALLBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  CALLBACK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5000),
  CALLBACK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Callbacks to loopback, private, link-local and other non-public addresses are refused unless true. */
  CALLBACK_ALLOW_PRIVATE: booleanFromEnv.default(false),
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  // Data freshness: UDI imports, HTML sources, scheduled jobs.
  /** Off by default: these jobs fetch from outside (NMPA UDI files, scraped pages). */
  JOBS_ENABLED: booleanFromEnv.default(false),
  /** On by default: without them summaries, claims and Meilisearch go stale silently. */
  HOUSEKEEPING_JOBS_ENABLED: booleanFromEnv.default(true),
  SOURCES_FILE: z.string().min(1).default('./config/sources.json'),
  UDI_INCREMENTAL_DIR: z.string().min(1).optional(),
  UDI_INCREMENTAL_URL: z.url({ protocol: /^https?$/ }).optional(),
  UDI_DOWNLOAD_DIR: z.string().min(1).default('./data/udi'),
  UDI_INCREMENTAL_SCHEDULE: cronExpression.default('30 6 * * *'),
  CORRECTIONS_SWEEP_SCHEDULE: cronExpression.default('*/10 * * * *'),
  SEARCH_OUTBOX_SCHEDULE: cronExpression.default('* * * * *'),
  /** Just after midnight in TIMEZONE: documents take effect at the start of their day. */
  SUMMARY_REFRESH_SCHEDULE: cronExpression.default('5 0 * * *'),
  HTTP_USER_AGENT: z.string().min(8).default('certref/0.1 (medical device certificate reference data; polite robot, 1 request/s)'),
  HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  HTTP_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  HTTP_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  HTTP_BACKOFF_MS: z.coerce.number().int().min(0).default(2000),
  // Search.
  SEARCH_ENGINE: z.enum(['embedded', 'meilisearch']).default('embedded'),
  MEILI_URL: z.url({ protocol: /^https?$/ }).optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/, 'MEILI_INDEX may hold only letters, digits, - and _')
    .default('certificates'),
});

export type EnvConfig = z.output<typeof configSchema>;

export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  /** A write that finds another process's lock waits this long, on timers, before failing with database_busy. */
  databaseWriteWaitMs: number;
  demoData: boolean;
  demoDataSize: number;
  adminToken: string | null;
  logLevel: EnvConfig['LOG_LEVEL'];
  logRequests: boolean;
  timezone: string;
  /** Recent auto-fill answers kept in memory (0: none). */
  autofillCacheSize: number;
  /** Lookups need at least a reader key (default: open, as embedded behind a form). */
  lookupsRequireKey: boolean;
  /** Requests per minute per API key or client address; 0: no limit. */
  rateLimitPerMinute: number;
  /** A claimed ticket returns to the queue after this long. */
  claimTimeoutMinutes: number;
  /** HMAC-SHA256 key for callback signatures; without it callbacks are logged as skipped. */
  callbackSecret: string | null;
  callbackMaxAttempts: number;
  callbackRetryBaseMs: number;
  callbackTimeoutMs: number;
  /**
   * Also accept and send callbacks to loopback, private (RFC 1918, fc00::/7), link-local (cloud
   * metadata), CGNAT and reserved addresses; default false: such URLs are refused.
   */
  callbackAllowPrivate: boolean;
  /** Where evidence files are stored: default `attachments/` beside the database. */
  attachmentsDir: string;
  /** UDI imports, HTML sources and scheduled jobs. */
  freshness: FreshnessConfig;
  search: SearchConfig;
}

export interface SearchConfig {
  /** embedded: SQLite FTS5 in the service's database; meilisearch: Meilisearch, embedded as fallback. */
  engine: 'embedded' | 'meilisearch';
  meiliUrl: string | null;
  meiliApiKey: string | null;
  /** The live index; a reindex builds `<name>_reindex` and swaps it in. */
  meiliIndex: string;
}

export interface FreshnessConfig {
  /** JOBS_ENABLED: the server schedules the jobs that fetch from outside (udi-incremental, source:<name>) only when true. */
  jobsEnabled: boolean;
  /**
   * HOUSEKEEPING_JOBS_ENABLED: the server schedules summary-refresh, corrections-sweep and
   * search-outbox-drain unless false (for operators who run them from cron with the CLI instead).
   */
  housekeepingEnabled: boolean;
  /** JSON file declaring the HTML sources; a missing file means none. */
  sourcesFile: string;
  udiIncrementalDir: string | null;
  udiIncrementalUrl: string | null;
  udiDownloadDir: string;
  schedules: { udiIncremental: string; correctionsSweep: string; searchOutboxDrain: string; summaryRefresh: string };
  http: { userAgent: string; timeoutMs: number; retries: number; minIntervalMs: number; backoffMs: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment-shaped record; throws one readable error naming every bad key. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const nonEmpty = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(nonEmpty);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.SEARCH_ENGINE === 'meilisearch' && !e.MEILI_URL) {
    throw new ConfigError('Invalid configuration:\n  MEILI_URL: required when SEARCH_ENGINE=meilisearch');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    databaseWriteWaitMs: e.DATABASE_WRITE_WAIT_MS,
    demoData: e.DEMO_DATA,
    demoDataSize: e.DEMO_DATA_SIZE,
    adminToken: e.ADMIN_TOKEN ?? null,
    logLevel: e.LOG_LEVEL,
    logRequests: e.LOG_REQUESTS,
    timezone: e.TIMEZONE,
    autofillCacheSize: e.AUTOFILL_CACHE_SIZE,
    lookupsRequireKey: e.LOOKUPS_REQUIRE_KEY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    claimTimeoutMinutes: e.CLAIM_TIMEOUT_MINUTES,
    callbackSecret: e.CALLBACK_SECRET ?? null,
    callbackMaxAttempts: e.CALLBACK_MAX_ATTEMPTS,
    callbackRetryBaseMs: e.CALLBACK_RETRY_BASE_MS,
    callbackTimeoutMs: e.CALLBACK_TIMEOUT_MS,
    callbackAllowPrivate: e.CALLBACK_ALLOW_PRIVATE,
    attachmentsDir: e.ATTACHMENTS_DIR ?? defaultAttachmentsDir(e.DATABASE_PATH),
    freshness: {
      jobsEnabled: e.JOBS_ENABLED,
      housekeepingEnabled: e.HOUSEKEEPING_JOBS_ENABLED,
      sourcesFile: e.SOURCES_FILE,
      udiIncrementalDir: e.UDI_INCREMENTAL_DIR ?? null,
      udiIncrementalUrl: e.UDI_INCREMENTAL_URL ?? null,
      udiDownloadDir: e.UDI_DOWNLOAD_DIR,
      schedules: {
        udiIncremental: e.UDI_INCREMENTAL_SCHEDULE,
        correctionsSweep: e.CORRECTIONS_SWEEP_SCHEDULE,
        searchOutboxDrain: e.SEARCH_OUTBOX_SCHEDULE,
        summaryRefresh: e.SUMMARY_REFRESH_SCHEDULE,
      },
      http: {
        userAgent: e.HTTP_USER_AGENT,
        timeoutMs: e.HTTP_TIMEOUT_MS,
        retries: e.HTTP_RETRIES,
        minIntervalMs: e.HTTP_MIN_INTERVAL_MS,
        backoffMs: e.HTTP_BACKOFF_MS,
      },
    },
    search: {
      engine: e.SEARCH_ENGINE,
      meiliUrl: e.MEILI_URL ?? null,
      meiliApiKey: e.MEILI_API_KEY ?? null,
      meiliIndex: e.MEILI_INDEX,
    },
  };
}

/** Beside the database (`./data/attachments`); a temporary folder for an in-memory database. */
function defaultAttachmentsDir(databasePath: string): string {
  if (databasePath === ':memory:') return path.join(os.tmpdir(), 'certref-attachments');
  return path.join(path.dirname(path.resolve(databasePath)), 'attachments');
}

/** A config for tests and tools: an in-memory database, no demo data, quiet logs. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ DATABASE_PATH: ':memory:', DEMO_DATA: 'false', LOG_LEVEL: 'silent' }), ...overrides };
}
