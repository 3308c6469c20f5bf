import { BUNDLE_BUILD_JOB } from '../bundles/bundle-build.job.ts';
import type { SourceRunnerDeps } from '../sources/source-runner.ts';
import type { SourceDefinition } from '../sources/sources-config.ts';
import { type CorrectionsSweep, correctionsSweepJob } from './corrections-sweep.job.ts';
import { type HousekeepingWork, housekeepingJob } from './housekeeping-job.ts';
import { htmlSourceJob } from './html-source.job.ts';
import type { JobDefinition } from './job.types.ts';
import { jobNotFound } from './jobs.errors.ts';
import { type SearchOutboxDrain, searchOutboxDrainJob } from './search-outbox-drain.job.ts';
import { type SummaryRefresh, summaryRefreshJob } from './summary-refresh.job.ts';
import { type UdiIncrementalDeps, udiIncrementalJob } from './udi-incremental.job.ts';

interface JobSchedules {
  udiIncremental: string;
  correctionsSweep: string;
  searchOutboxDrain: string;
  summaryRefresh: string;
}

interface JobRegistryDeps {
  /** JOBS_ENABLED: the jobs that fetch from outside (UDI, HTML sources). */
  jobsEnabled: boolean;
  /** HOUSEKEEPING_JOBS_ENABLED: the jobs that keep certref's own data right. */
  housekeepingEnabled: boolean;
  schedules: JobSchedules;
  sources: readonly SourceDefinition[];
  sourceRunner: Omit<SourceRunnerDeps, 'log'>;
  udi: Omit<UdiIncrementalDeps, 'schedule' | 'jobsEnabled'>;
  /** Provided by src/corrections once it exports one; null leaves the job listed but disabled. */
  correctionsSweep: CorrectionsSweep | null;
  /** Provided by src/search (`drainSearchOutbox`); null leaves the job listed but disabled. */
  searchOutboxDrain: SearchOutboxDrain | null;
  /** Provided by src/certificates (`SummaryRefresher.refreshDue` as of today). */
  summaryRefresh: SummaryRefresh;
  /** Built by src/subscriptions (`expiry-alerts.job.ts`), which owns what it raises. */
  expiryAlerts: JobDefinition;
  /** Provided by src/bundles (`buildBundle`), with BUNDLE_BUILD_SCHEDULE. */
  bundleBuild: { work: HousekeepingWork; schedule: string };
}

/** The one list of scheduled jobs: every job the service runs is built here and nowhere else. */
export class JobRegistry {
  readonly jobs: readonly JobDefinition[];

  constructor(deps: JobRegistryDeps) {
    this.jobs = [
      udiIncrementalJob({ ...deps.udi, schedule: deps.schedules.udiIncremental, jobsEnabled: deps.jobsEnabled }),
      ...deps.sources.map((source) => htmlSourceJob(source, deps.sourceRunner, deps.jobsEnabled)),
      correctionsSweepJob(deps.correctionsSweep, deps.schedules.correctionsSweep, deps.housekeepingEnabled),
      searchOutboxDrainJob(deps.searchOutboxDrain, deps.schedules.searchOutboxDrain, deps.housekeepingEnabled),
      summaryRefreshJob(deps.summaryRefresh, deps.schedules.summaryRefresh, deps.housekeepingEnabled),
      deps.expiryAlerts,
      housekeepingJob({
        ...BUNDLE_BUILD_JOB,
        ...deps.bundleBuild,
        housekeepingEnabled: deps.housekeepingEnabled,
      }),
    ];
  }

  find(name: string): JobDefinition | null {
    return this.jobs.find((job) => job.name === name) ?? null;
  }

  /** Accepts `source:<name>` or the bare source name, as people type it. */
  get(name: string): JobDefinition {
    const job = this.find(name) ?? this.find(`source:${name}`);
    if (!job)
      throw jobNotFound(
        name,
        this.jobs.map((j) => j.name),
      );
    return job;
  }
}
