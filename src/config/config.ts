import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { tempRoot } from '../shared/temp-files.ts';
import { ConfigError } from './config-error.ts';
import { bilingualParams, configErrorMaps, configProblems } from './config-issues.ts';
import { booleanFromEnv, cronExpression, originList } from './env-values.ts';
import { freshnessKeys } from './freshness-keys.ts';

/**
 * Every setting the service reads, parsed once at start, and the one place each is defined: its
 * `.meta()` (last in the chain, so the documentation sits on the key itself) gives the group and the
 * description, Chinese first, that `npm run config:docs` writes into `.env.example` and the README.
 * An optional key without a default may give an `example`. Nothing else in the code reads
 * `process.env`: the composition root passes the parsed object down.
 */
export const configSchema = z.object({
  // --- server ---
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65_535)
    .default(3000)
    .meta({ group: 'server', description: 'HTTP 监听端口 / HTTP port to listen on' }),
  HOST: z.string().min(1).default('127.0.0.1').meta({ group: 'server', description: '监听的网络接口 / Interface to listen on' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').meta({
    group: 'server',
    description: '日志级别：fatal、error、warn、info、debug、trace 或 silent / Log level: fatal, error, warn, info, debug, trace or silent',
  }),
  LOG_REQUESTS: booleanFromEnv.default(false).meta({
    group: 'server',
    description: '记录每个请求（查询接口的吞吐量约降低 30%） / Log every request (costs about 30% of throughput on the lookup routes)',
  }),
  TIMEZONE: z.string().default('Asia/Shanghai').meta({
    group: 'server',
    description:
      '计算有效期和状态时“今天”所用的时区（上报表单在中国填写） / Time zone in which "today" is taken for expiry and status (the reporting form is filled in China)',
  }),
  AUTOFILL_CACHE_SIZE: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .default(50_000)
    .meta({
      group: 'server',
      description:
        '内存中保留的近期自动填表结果条数（连同序列化结果每条约 2.4 KB，5 万条约 120 MB）；0 表示不缓存。条目最多保留一天，证书变更时（无论由本进程还是其他进程）即被丢弃 / ' +
        'Recent auto-fill answers kept in memory (about 2.4 KB each with their serialised form: a full cache of 50,000 adds about 120 MB); ' +
        '0 turns the cache off. Entries last a day at most and are dropped when their certificate changes, by this process or another',
    }),

  // --- data ---
  DATABASE_PATH: z.string().min(1).default('./data/certref.db').meta({
    group: 'data',
    description:
      'SQLite 数据库文件（启动时创建并迁移）；附件等数据文件放在它旁边 / SQLite database file (created and migrated at start); attachments and other data files live beside it',
  }),
  DEMO_DATA: booleanFromEnv.default(true).meta({
    group: 'data',
    description:
      'true：数据库为空时载入确定性的演示数据；false：空库启动 / true: load the deterministic demo dataset when the database is empty; false: start empty',
  }),
  DEMO_DATA_SIZE: z.coerce
    .number()
    .int()
    .min(0)
    .max(5_000_000)
    .default(50_000)
    .meta({ group: 'data', description: '首次启动时生成的演示证书数量 / How many demo certificates to generate on first start' }),
  ATTACHMENTS_DIR: z
    .string()
    .min(1)
    .optional()
    .meta({
      group: 'data',
      description:
        '证据文件（PDF、JPEG、PNG，最大 20 MB）按 sha256 存放的目录，默认为 DATABASE_PATH 所在目录下的 attachments 目录 / ' +
        'Where evidence files (PDF, JPEG, PNG up to 20 MB) are stored by sha256; default: attachments/ beside DATABASE_PATH',
      example: './data/attachments',
    }),
  IMPORT_MAX_DECOMPRESSED_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(65_536)
    .default(512)
    .meta({
      group: 'data',
      description:
        '导入的 XLSX 解压后的大小上限（MB），超出即拒绝（防压缩炸弹），HTTP 与命令行导入均适用 / ' +
        'What an imported XLSX may inflate to, in MB (HTTP and command-line imports); beyond it the file is refused, so a zip bomb cannot fill the disk',
    }),
  PRECHECK_MAX_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(20)
    .meta({
      group: 'data',
      description:
        '模板预检（POST /v1/prechecks）接受的文件大小上限（MB），默认与广东省填报系统的上传上限相同 / ' +
        "Largest file a template pre-check (POST /v1/prechecks) accepts, in MB; the default is the Guangdong reporting system's own upload limit",
    }),
  DATABASE_WRITE_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(30_000)
    .meta({
      group: 'data',
      description:
        '服务器的写操作遇到其他进程（如命令行导入）持有写锁时，以定时器等待的最长毫秒数，超时答 503 database_busy / ' +
        'How long a server write waits, on timers, for another process (a command-line import) to let go of the write lock before answering 503 database_busy',
    }),

  BUNDLES_DIR: z
    .string()
    .min(1)
    .optional()
    .meta({
      group: 'data',
      description:
        '离线数据包（SQLite、JSON Lines 与清单）的存放目录，默认为 DATABASE_PATH 所在目录下的 bundles 目录 / ' +
        'Where offline bundles (SQLite, JSON Lines and manifest) are written; default: bundles/ beside DATABASE_PATH',
      example: './data/bundles',
    }),
  BUNDLES_KEEP: z.coerce.number().int().min(1).max(1000).default(7).meta({
    group: 'data',
    description: '保留的离线数据包个数，更旧的在生成新包后删除 / How many bundles to keep; older ones are deleted after a new one is built',
  }),
  BUNDLE_BUILD_SCHEDULE: cronExpression.default('30 2 * * *').meta({
    group: 'jobs',
    description:
      'bundle-build 任务（生成离线数据包）的 cron 调度，属于维护任务 / Cron schedule of the bundle-build job (writes an offline bundle), a housekeeping job',
  }),

  // --- access ---
  ADMIN_TOKEN: z
    .string()
    .min(16)
    .optional()
    .meta({
      group: 'access',
      description:
        '引导用的管理员凭据（`Authorization: Bearer <ADMIN_TOKEN>`），例如通过 HTTP 创建首批 API 密钥；`certref keys create --role admin --name …` 无需它。至少 16 个字符 / ' +
        'Bootstrap administrator credential (`Authorization: Bearer <ADMIN_TOKEN>`), e.g. to create the first API keys over HTTP; ' +
        '`certref keys create --role admin --name …` works without it. At least 16 characters',
      example: 'change-me-to-a-long-random-string',
    }),
  LOOKUPS_REQUIRE_KEY: booleanFromEnv.default(false).meta({
    group: 'access',
    description:
      'true：查询（证书、自动填表、批量、规范化、工单状态）至少需要 reader 密钥；false（默认，嵌入表单的用法）：查询开放，队列接口仍需 technician，密钥、审计和导入接口需 admin / ' +
      'true: lookups (certificate, auto-fill, batch, normalise, ticket state) need at least a reader API key; ' +
      'false (default, the embedded setup): lookups are open; queue routes still need technician, keys/audit/imports admin',
  }),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(600)
    .meta({
      group: 'access',
      description:
        '每个 API 密钥（无密钥时按客户端地址）每分钟的请求上限，超出时返回 429 rate_limited；0 表示不限 / ' +
        'Requests per minute per API key (or per client address without a key); over it: 429 rate_limited. 0: no limit',
    }),
  TICKET_QUOTA_ANONYMOUS_PER_HOUR: z.coerce
    .number()
    .int()
    .min(0)
    .default(10)
    .meta({
      group: 'access',
      description:
        '无密钥时每个客户端地址每小时最多新建的补录工单数（加入已有工单不计）；0 表示不新建 / ' +
        'New tickets per client address without a key in any hour (joining an open ticket is free); 0: none',
    }),
  TICKET_QUOTA_READER_PER_HOUR: z.coerce.number().int().min(0).default(200).meta({
    group: 'access',
    description:
      '每个查询方密钥每小时最多新建的补录工单数；技术人员与管理员不限 / New tickets per reader key in any hour; technician and admin keys are not limited',
  }),
  CLAIM_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(120).meta({
    group: 'access',
    description:
      '技术员认领的工单在这么多分钟内未完成即退回队列 / A claimed ticket goes back to the queue when its technician has not finished within this many minutes',
  }),
  WIDGET_ALLOWED_ORIGINS: originList.optional().meta({
    group: 'access',
    description:
      '允许嵌入自动填表组件（/widget/certref.js）的其他网站来源，以逗号分隔（如 https://report.example.com），这些来源的浏览器可跨域调用 /v1/autofill 和 /v1/certificates；未设置表示只允许同源 / ' +
      'Other sites (origins, comma-separated, e.g. https://report.example.com) whose pages may embed the auto-fill widget (/widget/certref.js): ' +
      'browsers on them may call /v1/autofill and /v1/certificates across origins. Unset: same origin only',
    example: 'https://report.example.com,https://erp.example.com',
  }),

  // --- callbacks ---
  CALLBACK_SECRET: z
    .string()
    .min(16)
    .optional()
    .meta({
      group: 'callbacks',
      description:
        '为工单回调签名的 HMAC-SHA256 密钥（请求头 `X-Certref-Signature: sha256=HMAC("<timestamp>.<body>")`），至少 16 个字符；未设置时只记录回调地址而不发送（投递记为跳过） / ' +
        'HMAC-SHA256 secret that signs ticket callbacks (header `X-Certref-Signature: sha256=HMAC("<timestamp>.<body>")`), at least 16 characters. ' +
        'Unset: callback URLs are recorded but nothing is sent (deliveries logged as skipped)',
      example: 'change-me-to-a-long-random-string',
    }),
  CALLBACK_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(8)
    .meta({
      group: 'callbacks',
      description:
        '每个回调放弃前的尝试次数；首次重试等待 CALLBACK_RETRY_BASE_MS，之后每次延长为 4 倍（最多 6 小时） / ' +
        'Attempts per callback before giving up; the first retry waits CALLBACK_RETRY_BASE_MS, each next one 4x longer (at most 6 h)',
    }),
  CALLBACK_RETRY_BASE_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(5000)
    .meta({ group: 'callbacks', description: '回调首次重试前等待的毫秒数 / Milliseconds before the first retry of a callback' }),
  CALLBACK_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10_000)
    .meta({ group: 'callbacks', description: '单次回调请求的超时毫秒数 / How long one callback request may take, in milliseconds' }),
  CALLBACK_ALLOW_PRIVATE: booleanFromEnv.default(false).meta({
    group: 'callbacks',
    description:
      'false（默认）：拒绝指向回环、私有（10/8、172.16/12、192.168/16、fc00::/7）、链路本地（169.254/16，含云元数据；fe80::/10）、CGNAT（100.64/10）、未指定、组播或保留地址的回调地址：' +
      '字面地址和 localhost 在登记时即不保存，解析到这类地址的主机在每次投递时检查并立即失败（callback_address_refused）。true：允许，例如接收方在同一主机或内网 / ' +
      'false (default): callback URLs pointing at loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 incl. cloud metadata, fe80::/10), ' +
      'CGNAT (100.64/10), unspecified, multicast or reserved addresses are refused: literal ones and localhost are not stored at lookup time, ' +
      'and a host that resolves to one is checked at each delivery and fails at once (callback_address_refused). ' +
      'true: allow them, e.g. for a receiver on the same host or an internal network',
  }),

  SUBSCRIPTION_PAUSE_AFTER_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .meta({
      group: 'callbacks',
      description:
        '订阅的接收地址连续失败这么多次（且持续 SUBSCRIPTION_PAUSE_AFTER_MINUTES 以上）即暂停该订阅，可用 POST /v1/subscriptions/{id}/resume 恢复 / ' +
        'A subscription whose endpoint fails this many attempts in a row (over at least SUBSCRIPTION_PAUSE_AFTER_MINUTES) is paused; POST /v1/subscriptions/{id}/resume resumes it',
    }),
  SUBSCRIPTION_PAUSE_AFTER_MINUTES: z.coerce.number().int().min(0).max(100_000).default(60).meta({
    group: 'callbacks',
    description:
      '连续失败至少持续这么多分钟才暂停订阅（0：次数达到即暂停） / How long the failures must have lasted, in minutes, before a subscription is paused (0: as soon as the count is reached)',
  }),
  EXPIRY_ALERTS_SCHEDULE: cronExpression.default('15 0 * * *').meta({
    group: 'jobs',
    description:
      'expiry-alerts 任务的 cron 调度：向订阅者发出证书即将到期（180/90/30 天）和已到期的通知，服务器启动时也运行一次以补发 / ' +
      'Cron schedule of the expiry-alerts job: raises certificate.expiring (180/90/30 days) and certificate.expired for subscribers; also runs once at start to catch up',
  }),

  ...freshnessKeys,
});

export type EnvConfig = z.output<typeof configSchema>;

/** Beside the database (`./data/attachments`); a temporary folder for an in-memory database. */
function defaultAttachmentsDir(databasePath: string): string {
  return besideDatabase(databasePath, 'attachments');
}

/** Beside the database; for an in-memory one (tests, tools), this process's temp folder, removed when it exits. */
function defaultBundlesDir(databasePath: string): string {
  return databasePath === ':memory:' ? path.join(tempRoot(), 'bundles') : besideDatabase(databasePath, 'bundles');
}

/** A data folder beside the database; a temporary one for an in-memory database. */
function besideDatabase(databasePath: string, name: string): string {
  if (databasePath === ':memory:') return path.join(os.tmpdir(), `certref-${name}`);
  return path.join(path.dirname(path.resolve(databasePath)), name);
}

/** The environment checked across keys and shaped the way the code reads it. */
export const appConfigSchema = configSchema
  .superRefine((e, context) => {
    if (e.SEARCH_ENGINE === 'meilisearch' && !e.MEILI_URL) {
      context.addIssue({
        code: 'custom',
        path: ['MEILI_URL'],
        ...bilingualParams('SEARCH_ENGINE=meilisearch 时必填', 'required when SEARCH_ENGINE=meilisearch'),
      });
    }
  })
  .transform((e) => ({
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    demoData: e.DEMO_DATA,
    demoDataSize: e.DEMO_DATA_SIZE,
    adminToken: e.ADMIN_TOKEN ?? null,
    logLevel: e.LOG_LEVEL,
    logRequests: e.LOG_REQUESTS,
    timezone: e.TIMEZONE,
    autofillCacheSize: e.AUTOFILL_CACHE_SIZE,
    lookupsRequireKey: e.LOOKUPS_REQUIRE_KEY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    /** New tickets per hour an anonymous client address, or a reader key, may open; technicians and admins: no limit. */
    ticketQuota: { anonymousPerHour: e.TICKET_QUOTA_ANONYMOUS_PER_HOUR, readerPerHour: e.TICKET_QUOTA_READER_PER_HOUR },
    claimTimeoutMinutes: e.CLAIM_TIMEOUT_MINUTES,
    /** Origins whose pages may call the auto-fill routes from a browser (CORS); empty: same origin only. */
    widgetAllowedOrigins: e.WIDGET_ALLOWED_ORIGINS ?? [],
    /** Without it callbacks are logged as skipped. */
    callbackSecret: e.CALLBACK_SECRET ?? null,
    callbackMaxAttempts: e.CALLBACK_MAX_ATTEMPTS,
    callbackRetryBaseMs: e.CALLBACK_RETRY_BASE_MS,
    callbackTimeoutMs: e.CALLBACK_TIMEOUT_MS,
    callbackAllowPrivate: e.CALLBACK_ALLOW_PRIVATE,
    /** Subscriptions: when a failing endpoint pauses one, and when expiry alerts are raised. */
    subscriptions: {
      pauseAfterFailures: e.SUBSCRIPTION_PAUSE_AFTER_FAILURES,
      pauseAfterMinutes: e.SUBSCRIPTION_PAUSE_AFTER_MINUTES,
      expiryAlertsSchedule: e.EXPIRY_ALERTS_SCHEDULE,
    },
    attachmentsDir: e.ATTACHMENTS_DIR ?? defaultAttachmentsDir(e.DATABASE_PATH),
    /** An XLSX (HTTP or CLI) whose parts inflate past this is refused. */
    importMaxDecompressedBytes: e.IMPORT_MAX_DECOMPRESSED_MB * 1024 * 1024,
    precheckMaxBytes: e.PRECHECK_MAX_MB * 1024 * 1024,
    /** A write that finds another process's lock waits this long, on timers, before failing with database_busy. */
    databaseWriteWaitMs: e.DATABASE_WRITE_WAIT_MS,
    /** Offline bundles: where they are written, how many are kept, when the job builds one. */
    bundles: { dir: e.BUNDLES_DIR ?? defaultBundlesDir(e.DATABASE_PATH), keep: e.BUNDLES_KEEP, buildSchedule: e.BUNDLE_BUILD_SCHEDULE },
    /** UDI imports, HTML sources and scheduled jobs. */
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
      /** The live index; a reindex builds `<name>_reindex` and swaps it in. */
      meiliIndex: e.MEILI_INDEX,
    },
  }));

export type AppConfig = z.output<typeof appConfigSchema>;
export type FreshnessConfig = AppConfig['freshness'];
export type SearchConfig = AppConfig['search'];

export { ConfigError } from './config-error.ts';

/** Parses an environment-shaped record; throws one error naming every wrong key, in Chinese and English. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const nonEmpty = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = appConfigSchema.safeParse(nonEmpty, { error: configErrorMaps.en });
  if (parsed.success) return parsed.data;
  // Only on failure: the same parse again for the Chinese wording of the same issues.
  const inChinese = appConfigSchema.safeParse(nonEmpty, { error: configErrorMaps.zh });
  throw new ConfigError(configProblems(inChinese.error?.issues ?? [], parsed.error.issues));
}

/** A config for tests and tools: an in-memory database, no demo data, quiet logs. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ DATABASE_PATH: ':memory:', DEMO_DATA: 'false', LOG_LEVEL: 'silent' }), ...overrides };
}
