import { z } from 'zod';
import { booleanFromEnv, cronExpression } from './env-values.ts';

/** A job's cron schedule (minute hour day month weekday, in TIMEZONE), documented like every key. */
function jobSchedule(defaultSchedule: string, description: string) {
  return cronExpression.default(defaultSchedule).meta({ group: 'jobs', description });
}

/** The keys of the jobs that keep the data fresh, of polite fetching, and of search. */
export const freshnessKeys = {
  // --- jobs ---
  JOBS_ENABLED: booleanFromEnv.default(false).meta({
    group: 'jobs',
    description:
      'true：服务器也调度从外部抓取的任务：udi-incremental（下载 NMPA UDI 文件）以及 SOURCES_FILE 中每个启用的 HTML 来源各一个任务。默认 false，需主动开启。' +
      '任何任务都可用 `certref jobs run <name>` 手动运行，同一任务的两次运行不会重叠 / ' +
      'true: also schedule the jobs that fetch from outside: udi-incremental (downloads NMPA UDI files) and one job per HTML source enabled in SOURCES_FILE. ' +
      'Default false: opt in. Any job can still be run by hand with `certref jobs run <name>`, and a run never overlaps another of the same job',
  }),
  HOUSEKEEPING_JOBS_ENABLED: booleanFromEnv.default(true).meta({
    group: 'jobs',
    description:
      '维护任务默认运行：summary-refresh（摘要随已存文件的生效日更新）、corrections-sweep（超时的认领退回队列）和 search-outbox-drain（SEARCH_ENGINE=meilisearch 时）。' +
      'false：服务器不调度它们，须改由 cron 运行（`certref jobs run summary-refresh` 等），否则不会执行 / ' +
      'Housekeeping jobs run by default: summary-refresh (summaries follow the day a stored document takes effect), corrections-sweep (timed-out claims back to the queue) ' +
      'and search-outbox-drain (with SEARCH_ENGINE=meilisearch). false: the server schedules none of them; ' +
      'run them from cron instead (`certref jobs run summary-refresh`, …), or they do not happen',
  }),
  SOURCES_FILE: z
    .string()
    .min(1)
    .default('./config/sources.json')
    .meta({
      group: 'jobs',
      description:
        '声明 HTML 来源（URL 模板、页面结构、调度、限速）的 JSON 文件，见 config/sources.json；文件不存在表示没有 HTML 来源 / ' +
        'JSON file declaring the HTML sources (URL template, shape, schedule, rate limit); see config/sources.json. A missing file means no HTML sources',
    }),
  UDI_INCREMENTAL_DIR: z
    .string()
    .min(1)
    .optional()
    .meta({
      group: 'jobs',
      description:
        '放置 NMPA UDI 每日文件（ZIP 或 XML）的目录；udi-incremental 任务按文件名从旧到新导入其中尚未导入的文件 / ' +
        'Directory where NMPA UDI daily files (ZIP or XML) are dropped; the udi-incremental job imports every file there not imported yet, oldest name first',
      example: './data/udi',
    }),
  UDI_INCREMENTAL_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      group: 'jobs',
      description:
        'UDI 文件地址，或列出每日文件的下载页；新文件下载到 UDI_INCREMENTAL_DIR（未设置时为 UDI_DOWNLOAD_DIR）后导入 / ' +
        'A UDI file URL, or the download page listing the daily files; new files are fetched into UDI_INCREMENTAL_DIR (or UDI_DOWNLOAD_DIR) and imported',
      example: 'https://udi.nmpa.gov.cn/download.html',
    }),
  UDI_DOWNLOAD_DIR: z.string().min(1).default('./data/udi').meta({
    group: 'jobs',
    description:
      '未设置 UDI_INCREMENTAL_DIR 时下载的 UDI 文件存放的目录 / Where downloaded UDI files go when UDI_INCREMENTAL_DIR is not set',
  }),
  UDI_INCREMENTAL_SCHEDULE: jobSchedule(
    '30 6 * * *',
    'udi-incremental 任务的 cron 调度（分 时 日 月 周，按 TIMEZONE） / Cron schedule of the udi-incremental job (minute hour day month weekday, in TIMEZONE)',
  ),
  CORRECTIONS_SWEEP_SCHEDULE: jobSchedule(
    '*/10 * * * *',
    'corrections-sweep 任务（超时的认领退回队列）的 cron 调度 / Cron schedule of the corrections-sweep job (timed-out claims back to the queue)',
  ),
  SEARCH_OUTBOX_SCHEDULE: jobSchedule(
    '* * * * *',
    'search-outbox-drain 任务（把变更送往 Meilisearch）的 cron 调度 / Cron schedule of the search-outbox-drain job (sends changes to Meilisearch)',
  ),
  /** Just after midnight in TIMEZONE: documents take effect at the start of their day. */
  SUMMARY_REFRESH_SCHEDULE: jobSchedule(
    '5 0 * * *',
    'summary-refresh 任务的 cron 调度：在已存文件生效当天重算证书摘要（搜索所显示的内容），服务器启动时也运行一次；请设在午夜刚过 / ' +
      'Cron schedule of the summary-refresh job: recomputes stored certificate summaries (what search shows) on the day a stored document takes effect, ' +
      'and once when the server starts. Keep it just after midnight',
  ),

  // --- http ---
  HTTP_USER_AGENT: z.string().min(8).default('certref/0.1 (medical device certificate reference data; polite robot, 1 request/s)').meta({
    group: 'http',
    description:
      'certref 访问所抓取网站时的自我介绍，请在其中写上联系地址 / How certref introduces itself to the sites it reads; put a contact address in it',
  }),
  HTTP_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(15_000)
    .meta({ group: 'http', description: '单个请求的超时毫秒数 / Per-request timeout, in milliseconds' }),
  HTTP_RETRIES: z.coerce.number().int().min(0).max(10).default(3).meta({
    group: 'http',
    description: '超时、网络错误、429 或 5xx 之后的重试次数 / Retries after a timeout, network error, 429 or 5xx',
  }),
  HTTP_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(1000).meta({
    group: 'http',
    description:
      '对同一主机的两次请求之间的最短间隔毫秒数（来源可要求更长） / Minimum pause between two requests to the same host, in milliseconds (a source may ask for a longer one)',
  }),
  HTTP_BACKOFF_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2000)
    .meta({
      group: 'http',
      description:
        '首次重试前等待的毫秒数，之后每次加倍，最多 30 秒；以 Retry-After 响应头为准 / ' +
        'Pause before the first retry, in milliseconds, doubling each time up to 30 s; a Retry-After header wins',
    }),

  // --- search ---
  SEARCH_ENGINE: z
    .enum(['embedded', 'meilisearch'])
    .default('embedded')
    .meta({
      group: 'search',
      description:
        'embedded（默认）：同一数据库中的 SQLite FTS5，在同一事务中保持同步。meilisearch：由 Meilisearch 应答；它不可达时由内置索引应答（响应头 X-Search-Fallback: embedded），变更在发件箱中等待 / ' +
        'embedded (default): SQLite FTS5 in the same database, kept in step in the same transactions. ' +
        'meilisearch: answers from Meilisearch; when it is unreachable the embedded index answers (response header X-Search-Fallback: embedded) and changes wait in the outbox',
    }),
  MEILI_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      group: 'search',
      description:
        'Meilisearch 的基础地址；SEARCH_ENGINE=meilisearch 时必填 / Meilisearch base URL; required when SEARCH_ENGINE=meilisearch',
      example: 'http://127.0.0.1:7700',
    }),
  MEILI_API_KEY: z.string().min(1).optional().meta({
    group: 'search',
    description:
      '具有 search、documents、indexes、settings 和 tasks 权限的 API 密钥（主密钥或管理密钥） / API key with search, documents, indexes, settings and tasks permissions (a master or admin key)',
    example: 'change-me',
  }),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/)
    .default('certificates')
    .meta({
      group: 'search',
      description:
        '在用索引的名称（只含字母、数字、- 和 _）；`certref search-reindex` 构建 `<name>_reindex` 后替换它 / ' +
        "The live index's name (letters, digits, - and _ only); `certref search-reindex` builds `<name>_reindex` and swaps it in",
    }),
};
