import { z } from 'zod';
import { JOB_KINDS } from '../jobs/job.types.ts';
import { JOB_RUN_STATUSES } from '../jobs/job-runs.repository.ts';

const Timestamp = z.string().describe('ISO timestamp.');

export const runRefSchema = z
  .object({
    at: Timestamp.describe('When that run finished.'),
    run: z.string().describe('`job:<id>` (a job run) or `udi:<id>` (a UDI file import, by the job or by hand).'),
    error: z.string().nullable().optional().describe('What went wrong (failures, and partial runs).'),
  })
  .meta({ id: 'RunRef' });

export const sourceStatusSchema = z
  .object({
    source: z.string().describe('Provenance source: udi, html:<name>, import, correction, demo …'),
    job: z.string().nullable().describe('The job that feeds it, or null for sources fed by people (imports, corrections).'),
    enabled: z.boolean().describe('Whether its job is scheduled.'),
    nextRun: Timestamp.nullable().describe('When its job runs next; null when not scheduled.'),
    lastSuccess: runRefSchema.nullable().describe('The last run that completed (a partial run counts: it imported something).'),
    lastFailure: runRefSchema.nullable().describe('The last run that failed.'),
    records: z
      .object({
        versions: z.number().int().describe('Certificate versions stored from this source.'),
        certificates: z.number().int().describe('Certificates with at least one version from this source.'),
        devices: z.number().int().optional().describe('UDI only: device records (DIs) stored.'),
        pages: z.number().int().optional().describe('HTML sources only: pages visited at least once.'),
        failingPages: z.number().int().optional().describe('HTML sources only: pages whose last visit failed.'),
      })
      .describe('What certref holds from this source.'),
    dataAsOf: Timestamp.nullable().describe('When the freshest fact from this source was fetched.'),
  })
  .meta({ id: 'SourceStatus' });

export const jobStatusSchema = z
  .object({
    name: z.string().describe('Job name, as `certref jobs run <name>` takes it.'),
    description: z.string(),
    kind: z
      .enum(JOB_KINDS)
      .describe(
        "fetch: reads from outside certref (UDI downloads, HTML sources), scheduled only with JOBS_ENABLED=true; housekeeping: keeps certref's own data right (summaries, claims, search outbox), scheduled unless HOUSEKEEPING_JOBS_ENABLED=false.",
      ),
    schedule: z.string().describe('Cron expression (in the service time zone).'),
    enabled: z
      .boolean()
      .describe(
        "Scheduled in the server process: its kind's switch is on and it has what it needs (a configured directory, a source enabled in the file, an outbox).",
      ),
    disabledReason: z.string().nullable().describe('Why not, when not.'),
    nextRun: Timestamp.nullable(),
    lastRun: z
      .object({
        id: z.number().int(),
        trigger: z.string().describe('schedule, manual, or start (the catch-up run when the server starts).'),
        status: z.enum(JOB_RUN_STATUSES).describe('skipped: the previous run was still going; abandoned: its process died.'),
        startedAt: Timestamp,
        finishedAt: Timestamp.nullable(),
        counts: z.record(z.string(), z.number()).nullable().describe('What the run counted (pages, files, devices, versions added …).'),
        error: z.string().nullable(),
      })
      .nullable()
      .describe('The latest run, whatever its outcome.'),
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
        'JOBS_ENABLED (default false): whether the server schedules the jobs that fetch from outside: udi-incremental and source:<name>.',
      ),
    housekeepingEnabled: z
      .boolean()
      .describe(
        'HOUSEKEEPING_JOBS_ENABLED (default true): whether the server schedules the housekeeping jobs: summary-refresh, corrections-sweep and search-outbox-drain (the last only with Meilisearch).',
      ),
    dataAsOf: Timestamp.nullable().describe('When the freshest fact in certref was fetched, any source.'),
    sources: z.array(sourceStatusSchema).describe('One entry per source of certificate data.'),
    jobs: z.array(jobStatusSchema).describe('Every scheduled job, including housekeeping.'),
    searchIndex: searchIndexStatusSchema.describe(
      '嵌入式搜索索引在批量导入后的追赶进度；按证号查询不受影响。 The embedded search index catching up after bulk imports; lookups by number never wait for it.',
    ),
  })
  .meta({ id: 'Status' });
