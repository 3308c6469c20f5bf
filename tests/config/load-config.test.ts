import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../../src/config/config.ts';

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const HAN = /\p{Script=Han}/u;

describe('loadConfig', () => {
  it('shapes the defaults the way the code reads them', () => {
    const config = loadConfig({ DATABASE_PATH: '/srv/certref/certref.db' });
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databasePath: '/srv/certref/certref.db',
      demoData: true,
      demoDataSize: 50_000,
      adminToken: null,
      logLevel: 'info',
      logRequests: false,
      timezone: 'Asia/Shanghai',
      autofillCacheSize: 50_000,
      lookupsRequireKey: false,
      rateLimitPerMinute: 600,
      ticketQuota: { anonymousPerHour: 10, readerPerHour: 200 },
      claimTimeoutMinutes: 120,
      widgetAllowedOrigins: [],
      callbackSecret: null,
      callbackMaxAttempts: 8,
      callbackRetryBaseMs: 5000,
      callbackTimeoutMs: 10_000,
      callbackAllowPrivate: false,
      subscriptions: { pauseAfterFailures: 20, pauseAfterMinutes: 60, expiryAlertsSchedule: '15 0 * * *' },
      attachmentsDir: '/srv/certref/attachments',
      importMaxDecompressedBytes: 512 * 1024 * 1024,
      precheckMaxBytes: 20 * 1024 * 1024,
      databaseWriteWaitMs: 30_000,
      bundles: { dir: '/srv/certref/bundles', keep: 7, buildSchedule: '30 2 * * *' },
      freshness: {
        jobsEnabled: false,
        housekeepingEnabled: true,
        sourcesFile: './config/sources.json',
        udiIncrementalDir: null,
        udiIncrementalUrl: null,
        udiDownloadDir: './data/udi',
        schedules: {
          udiIncremental: '30 6 * * *',
          correctionsSweep: '*/10 * * * *',
          searchOutboxDrain: '* * * * *',
          summaryRefresh: '5 0 * * *',
        },
        http: {
          userAgent: 'certref/0.1 (medical device certificate reference data; polite robot, 1 request/s)',
          timeoutMs: 15_000,
          retries: 3,
          minIntervalMs: 1000,
          backoffMs: 2000,
        },
      },
      search: { engine: 'embedded', meiliUrl: null, meiliApiKey: null, meiliIndex: 'certificates' },
    });
  });

  it('reads set values, treats empty ones as unset and ignores keys it does not know', () => {
    const config = loadConfig({
      PORT: '8080',
      LOG_REQUESTS: 'yes',
      CALLBACK_SECRET: 'a-secret-of-sixteen-chars',
      HTTP_USER_AGENT: 'certref-test (ops@example.com)',
      SEARCH_ENGINE: 'meilisearch',
      MEILI_URL: 'http://127.0.0.1:7700',
      ADMIN_TOKEN: '',
      PATH: '/usr/bin',
    });
    expect(config.port).toBe(8080);
    expect(config.logRequests).toBe(true);
    expect(config.callbackSecret).toBe('a-secret-of-sixteen-chars');
    expect(config.freshness.http.userAgent).toBe('certref-test (ops@example.com)');
    expect(config.search).toMatchObject({ engine: 'meilisearch', meiliUrl: 'http://127.0.0.1:7700' });
    expect(config.adminToken).toBeNull();
  });

  it('names a wrong key with what is wrong, in Chinese then English', () => {
    const error = configErrorOf({ PORT: 'abc' });
    expect(error.problems).toEqual([{ key: 'PORT', message: { zh: '须为数字', en: 'Invalid input: expected number, received NaN' } }]);
    expect(error.message).toBe('配置无效 / Invalid configuration:\n  PORT: 须为数字 / Invalid input: expected number, received NaN');
  });

  it('names every wrong key at once, each message wholly Chinese before the English', () => {
    const error = configErrorOf({
      PORT: '70000',
      CALLBACK_SECRET: 'short',
      LOG_LEVEL: 'loud',
      MEILI_URL: 'ftp://search.example.com',
      CORRECTIONS_SWEEP_SCHEDULE: 'every ten minutes',
      CLAIM_TIMEOUT_MINUTES: '1.5',
    });
    expect(error.problems.map((problem) => problem.key).sort()).toEqual(
      ['CALLBACK_SECRET', 'CLAIM_TIMEOUT_MINUTES', 'CORRECTIONS_SWEEP_SCHEDULE', 'LOG_LEVEL', 'MEILI_URL', 'PORT'].sort(),
    );
    const byKey = Object.fromEntries(error.problems.map((problem) => [problem.key, problem.message]));
    expect(byKey.PORT).toEqual({ zh: '不能大于 65535', en: 'Too big: expected number to be <=65535' });
    expect(byKey.CALLBACK_SECRET?.zh).toBe('至少 16 个字符');
    expect(byKey.CORRECTIONS_SWEEP_SCHEDULE).toEqual({ zh: '不是有效的 cron 表达式', en: 'not a valid cron expression' });
    expect(byKey.CLAIM_TIMEOUT_MINUTES?.zh).toBe('须为整数');
    for (const { message } of error.problems) {
      expect(message.zh).toMatch(HAN);
      expect(message.en).not.toMatch(HAN);
    }
  });

  it('requires MEILI_URL when SEARCH_ENGINE=meilisearch, saying so in both languages', () => {
    const error = configErrorOf({ SEARCH_ENGINE: 'meilisearch' });
    expect(error.problems).toEqual([
      { key: 'MEILI_URL', message: { zh: 'SEARCH_ENGINE=meilisearch 时必填', en: 'required when SEARCH_ENGINE=meilisearch' } },
    ]);
  });
});

describe('testConfig', () => {
  it('is an in-memory, quiet config that overrides take precedence in', () => {
    const config = testConfig({ claimTimeoutMinutes: 5 });
    expect(config).toMatchObject({ databasePath: ':memory:', demoData: false, logLevel: 'silent', claimTimeoutMinutes: 5 });
  });
});
