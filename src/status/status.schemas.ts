import { z } from 'zod';
import { JOB_KINDS } from '../jobs/job.types.ts';
import { JOB_RUN_STATUSES } from '../jobs/job-runs.repository.ts';

const Timestamp = z.string().describe('时间（ISO 时间戳）。 ISO timestamp.');

export const runRefSchema = z
  .object({
    at: Timestamp.describe('该次运行的结束时间。 When that run finished.'),
    run: z
      .string()
      .describe(
        '运行标识：`job:<id>`（一次任务运行）或 `udi:<id>`（一次 UDI 文件导入，由任务或手工进行）。 `job:<id>` (a job run) or `udi:<id>` (a UDI file import, by the job or by hand).',
      ),
    error: z
      .string()
      .nullable()
      .optional()
      .describe('出了什么问题（失败及部分完成的运行）。 What went wrong (failures, and partial runs).'),
  })
  .meta({ id: 'RunRef' });

export const sourceStatusSchema = z
  .object({
    source: z
      .string()
      .describe(
        '数据来源：udi、html:<name>、import、correction、demo 等。 Provenance source: udi, html:<name>, import, correction, demo …',
      ),
    job: z
      .string()
      .nullable()
      .describe(
        '为其供数的任务；由人工提供的来源（导入、工单补录）为 null。 The job that feeds it, or null for sources fed by people (imports, corrections).',
      ),
    enabled: z.boolean().describe('其任务是否已排入计划。 Whether its job is scheduled.'),
    nextRun: Timestamp.nullable().describe('其任务下次运行的时间；未排入计划时为 null。 When its job runs next; null when not scheduled.'),
    lastSuccess: runRefSchema
      .nullable()
      .describe(
        '最近一次完成的运行（部分完成也算：它导入了一些数据）。 The last run that completed (a partial run counts: it imported something).',
      ),
    lastFailure: runRefSchema.nullable().describe('最近一次失败的运行。 The last run that failed.'),
    records: z
      .object({
        versions: z.number().int().describe('从该来源存入的证书版本数。 Certificate versions stored from this source.'),
        certificates: z
          .number()
          .int()
          .describe('至少有一个版本来自该来源的证书数。 Certificates with at least one version from this source.'),
        devices: z.number().int().optional().describe('仅 UDI：已存的产品记录（DI）数。 UDI only: device records (DIs) stored.'),
        pages: z
          .number()
          .int()
          .optional()
          .describe('仅 HTML 来源：至少访问过一次的页面数。 HTML sources only: pages visited at least once.'),
        failingPages: z
          .number()
          .int()
          .optional()
          .describe('仅 HTML 来源：最近一次访问失败的页面数。 HTML sources only: pages whose last visit failed.'),
      })
      .describe('本服务中来自该来源的数据量。 What certref holds from this source.'),
    dataAsOf: Timestamp.nullable().describe('该来源最新一条信息的获取时间。 When the freshest fact from this source was fetched.'),
  })
  .meta({ id: 'SourceStatus' });

export const jobStatusSchema = z
  .object({
    name: z.string().describe('任务名称，即 `certref jobs run <name>` 所需的参数。 Job name, as `certref jobs run <name>` takes it.'),
    description: z.string(),
    kind: z
      .enum(JOB_KINDS)
      .describe(
        "任务种类：fetch 从外部读取数据（UDI 下载、HTML 来源），仅在 JOBS_ENABLED=true 时排入计划；housekeeping 维护 certref 自身的数据（摘要、认领、搜索发件箱），除非 HOUSEKEEPING_JOBS_ENABLED=false 否则排入计划。 fetch: reads from outside certref (UDI downloads, HTML sources), scheduled only with JOBS_ENABLED=true; housekeeping: keeps certref's own data right (summaries, claims, search outbox), scheduled unless HOUSEKEEPING_JOBS_ENABLED=false.",
      ),
    schedule: z.string().describe('计划的 Cron 表达式（按服务所在时区）。 Cron expression (in the service time zone).'),
    enabled: z
      .boolean()
      .describe(
        "是否在服务进程中排入计划：其种类的开关已打开，且所需条件齐备（已配置目录、文件中启用了来源、有发件箱）。 Scheduled in the server process: its kind's switch is on and it has what it needs (a configured directory, a source enabled in the file, an outbox).",
      ),
    disabledReason: z.string().nullable().describe('未排入计划时的原因。 Why not, when not.'),
    nextRun: Timestamp.nullable(),
    lastRun: z
      .object({
        id: z.number().int(),
        trigger: z
          .string()
          .describe(
            '触发方式：schedule（按计划）、manual（手工）或 start（服务启动时的补跑）。 schedule, manual, or start (the catch-up run when the server starts).',
          ),
        status: z
          .enum(JOB_RUN_STATUSES)
          .describe(
            '运行状态：skipped 表示上一次运行尚未结束，abandoned 表示其进程已中止。 skipped: the previous run was still going; abandoned: its process died.',
          ),
        startedAt: Timestamp,
        finishedAt: Timestamp.nullable(),
        counts: z
          .record(z.string(), z.number())
          .nullable()
          .describe('本次运行的计数（页面、文件、产品记录、新增版本等）。 What the run counted (pages, files, devices, versions added …).'),
        error: z.string().nullable(),
      })
      .nullable()
      .describe('最近一次运行，无论结果如何。 The latest run, whatever its outcome.'),
  })
  .meta({ id: 'JobStatus' });

export const searchIndexStatusSchema = z
  .object({
    owed: z
      .number()
      .int()
      .describe(
        '批量导入后尚未写入搜索索引的证书数。 Certificates a bulk import changed that the embedded search index does not show yet.',
      ),
    asOf: Timestamp.nullable().describe(
      '此时刻之前的变更均可搜索；null 表示索引已同步。 Every change before this instant is searchable; null when the index is in step.',
    ),
    lagSeconds: z.number().int().describe('索引落后的秒数。 How many seconds behind the index is (0 when in step).'),
  })
  .meta({ id: 'SearchIndexStatus' });

export const statusSchema = z
  .object({
    generatedAt: Timestamp,
    jobsEnabled: z
      .boolean()
      .describe(
        '外部取数任务开关 JOBS_ENABLED（默认 false）：服务是否为从外部取数的任务排入计划：udi-incremental 和 source:<name>。 JOBS_ENABLED (default false): whether the server schedules the jobs that fetch from outside: udi-incremental and source:<name>.',
      ),
    housekeepingEnabled: z
      .boolean()
      .describe(
        '维护任务开关 HOUSEKEEPING_JOBS_ENABLED（默认 true）：服务是否为维护任务排入计划：summary-refresh、corrections-sweep 和 search-outbox-drain（最后一个仅在使用 Meilisearch 时）。 HOUSEKEEPING_JOBS_ENABLED (default true): whether the server schedules the housekeeping jobs: summary-refresh, corrections-sweep and search-outbox-drain (the last only with Meilisearch).',
      ),
    dataAsOf: Timestamp.nullable().describe(
      '本服务中最新一条信息的获取时间，不论来源。 When the freshest fact in certref was fetched, any source.',
    ),
    sources: z.array(sourceStatusSchema).describe('每个证书数据来源一条。 One entry per source of certificate data.'),
    jobs: z.array(jobStatusSchema).describe('全部计划任务，含维护任务。 Every scheduled job, including housekeeping.'),
    searchIndex: searchIndexStatusSchema.describe(
      '嵌入式搜索索引在批量导入后的追赶进度；按证号查询不受影响。 The embedded search index catching up after bulk imports; lookups by number never wait for it.',
    ),
  })
  .meta({ id: 'Status' });
