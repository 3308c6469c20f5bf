import type { z } from 'zod';
import type { JobDefinition } from '../jobs/job.types.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import type { JobRun, JobRunsRepository } from '../jobs/job-runs.repository.ts';
import { nextRunOf } from '../jobs/next-run.ts';
import type { SourcePagesRepository } from '../sources/source-pages.repository.ts';
import type { UdiDevicesRepository } from '../udi/udi-devices.repository.ts';
import type { UdiRunsRepository } from '../udi/udi-runs.repository.ts';
import type { SourceCountsQuery } from './source-counts.query.ts';
import type { jobStatusSchema, runRefSchema, searchIndexStatusSchema, sourceStatusSchema, statusSchema } from './status.schemas.ts';

type RunRef = z.output<typeof runRefSchema>;
export type JobStatus = z.output<typeof jobStatusSchema>;
type SourceStatus = z.output<typeof sourceStatusSchema>;
type StatusReport = z.output<typeof statusSchema>;
type SearchIndexStatus = z.output<typeof searchIndexStatusSchema>;

interface StatusDeps {
  registry: JobRegistry;
  jobRuns: JobRunsRepository;
  udiRuns: UdiRunsRepository;
  udiDevices: UdiDevicesRepository;
  pages: SourcePagesRepository;
  counts: SourceCountsQuery;
  jobsEnabled: boolean;
  housekeepingEnabled: boolean;
  timezone: string;
  now: () => Date;
  /** What the embedded search index still owes after bulk imports, and since when. */
  searchLag: () => Pick<SearchIndexStatus, 'owed'> & { since: string | null };
}

/** What /v1/status answers: how fresh each source is, and when each job runs next. */
export class StatusService {
  constructor(private readonly deps: StatusDeps) {}

  report(): StatusReport {
    const { deps } = this;
    const counts = deps.counts.all();
    const jobs = deps.registry.jobs.map((job) => this.jobStatus(job));
    const sources: SourceStatus[] = [];
    const covered = new Set<string>();
    for (const job of deps.registry.jobs) {
      if (!job.source) continue;
      covered.add(job.source);
      const c = counts.get(job.source);
      const success = latest([ref(deps.jobRuns.lastSuccess(job.name))]);
      const failure = latest([ref(deps.jobRuns.lastFailure(job.name))]);
      const status: SourceStatus = {
        source: job.source,
        job: job.name,
        enabled: job.enabled,
        nextRun: this.nextRun(job),
        lastSuccess: success,
        lastFailure: failure,
        records: { versions: c?.versions ?? 0, certificates: c?.certificates ?? 0 },
        dataAsOf: c?.lastFetchedAt ?? null,
      };
      if (job.source === 'udi') this.addUdi(status);
      else {
        const pages = deps.pages.stats(job.source);
        status.records.pages = pages.pages;
        status.records.failingPages = pages.failing;
      }
      sources.push(status);
    }
    // Sources without a job (file imports, corrections, demo data) are listed with their counts.
    for (const c of counts.values()) {
      if (covered.has(c.source)) continue;
      sources.push({
        source: c.source,
        job: null,
        enabled: false,
        nextRun: null,
        lastSuccess: null,
        lastFailure: null,
        records: { versions: c.versions, certificates: c.certificates },
        dataAsOf: c.lastFetchedAt,
      });
    }
    const dataAsOf = sources.reduce<string | null>((max, s) => (s.dataAsOf && (!max || s.dataAsOf > max) ? s.dataAsOf : max), null);
    return {
      generatedAt: deps.now().toISOString(),
      jobsEnabled: deps.jobsEnabled,
      housekeepingEnabled: deps.housekeepingEnabled,
      dataAsOf,
      sources,
      jobs,
      searchIndex: this.searchIndex(),
    };
  }

  private searchIndex(): SearchIndexStatus {
    const { owed, since } = this.deps.searchLag();
    const lagMs = since === null ? 0 : this.deps.now().getTime() - Date.parse(since);
    return { owed, asOf: since, lagSeconds: Math.max(0, Math.round(lagMs / 1000)) };
  }

  /** UDI files imported by hand (`certref import-udi`) count as much as the job's. */
  private addUdi(status: SourceStatus): void {
    const runs = this.deps.udiRuns.latest(50);
    const completed = runs.find((r) => r.status === 'completed');
    const failed = runs.find((r) => r.status === 'failed');
    status.lastSuccess = latest([
      status.lastSuccess,
      completed ? { at: completed.finishedAt ?? completed.startedAt, run: `udi:${completed.id}` } : null,
    ]);
    status.lastFailure = latest([
      status.lastFailure,
      failed ? { at: failed.finishedAt ?? failed.startedAt, run: `udi:${failed.id}`, error: failed.error } : null,
    ]);
    status.records.devices = this.deps.udiDevices.count();
  }

  private jobStatus(job: JobDefinition): JobStatus {
    const last = this.deps.jobRuns.latest(job.name, 1)[0] ?? null;
    return {
      name: job.name,
      description: job.description,
      kind: job.kind,
      schedule: job.schedule,
      enabled: job.enabled,
      disabledReason: job.disabledReason,
      nextRun: this.nextRun(job),
      lastRun: last && {
        id: last.id,
        trigger: last.trigger,
        status: last.status,
        startedAt: last.startedAt,
        finishedAt: last.finishedAt,
        counts: last.counts,
        error: last.error,
      },
    };
  }

  private nextRun(job: JobDefinition): string | null {
    return job.enabled ? (nextRunOf(job.schedule, this.deps.timezone)?.toISOString() ?? null) : null;
  }
}

function ref(run: JobRun | null): RunRef | null {
  if (!run) return null;
  return { at: run.finishedAt ?? run.startedAt, run: `job:${run.id}`, ...(run.error ? { error: run.error } : {}) };
}

function latest(refs: readonly (RunRef | null)[]): RunRef | null {
  let best: RunRef | null = null;
  for (const r of refs) if (r && (!best || r.at > best.at)) best = r;
  return best;
}
