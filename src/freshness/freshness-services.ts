import type Database from 'better-sqlite3';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import type { CertificatesRepository } from '../certificates/certificates.repository.ts';
import type { FreshnessConfig } from '../config/config.ts';
import type { CorrectionsSweep } from '../jobs/corrections-sweep.job.ts';
import { JobRegistry } from '../jobs/job-registry.ts';
import { JobRunsRepository } from '../jobs/job-runs.repository.ts';
import type { SearchOutboxDrain } from '../jobs/search-outbox-drain.job.ts';
import type { SummaryRefresh } from '../jobs/summary-refresh.job.ts';
import { normalise } from '../numbers/normalise.ts';
import { HostThrottle } from '../sources/host-throttle.ts';
import { PoliteFetcher } from '../sources/polite-fetcher.ts';
import { SourcePagesRepository } from '../sources/source-pages.repository.ts';
import type { SourcePrecedence } from '../sources/source-precedence.ts';
import type { SourceDefinition } from '../sources/sources-config.ts';
import { UdiBatchWriter } from '../udi/udi-batch.ts';
import { UdiDevicesRepository } from '../udi/udi-devices.repository.ts';
import { UdiImporter } from '../udi/udi-importer.ts';
import { UdiRunsRepository } from '../udi/udi-runs.repository.ts';
import { SourceCountsQuery } from './source-counts.query.ts';
import { StatusService } from './status.service.ts';

export interface FreshnessDeps {
  config: FreshnessConfig;
  timezone: string;
  sqlite: Database.Database;
  writer: CertificateWriter;
  certificates: CertificatesRepository;
  now: () => Date;
  today: () => string;
  currentYear: () => number;
  /** From the correction queue; null until it provides one. */
  correctionsSweep: CorrectionsSweep | null;
  /** From the search feature; null until it provides one. */
  searchOutboxDrain: SearchOutboxDrain | null;
  /** From src/certificates: recomputes the stored summaries due today. */
  summaryRefresh: SummaryRefresh;
  /** The declared sources (config/sources.json), loaded once by the composition root. */
  sources: readonly SourceDefinition[];
  /** How the sources rank (CERTIFICATES.md §5); the read paths use the same one. */
  precedence: SourcePrecedence;
}

/** Everything that keeps the data fresh: UDI imports, HTML sources, the job registry, status. */
export interface FreshnessServices {
  udiDevices: UdiDevicesRepository;
  udiRuns: UdiRunsRepository;
  udiImporter: UdiImporter;
  sources: readonly SourceDefinition[];
  sourcePages: SourcePagesRepository;
  fetcher: PoliteFetcher;
  jobRuns: JobRunsRepository;
  jobs: JobRegistry;
  status: StatusService;
}

/** Called once by the composition root. */
export function createFreshnessServices(deps: FreshnessDeps): FreshnessServices {
  const { sqlite, config } = deps;
  const { sources, precedence } = deps;
  const udiDevices = new UdiDevicesRepository(sqlite);
  const udiRuns = new UdiRunsRepository(sqlite);
  const udiImporter = new UdiImporter({
    batches: new UdiBatchWriter(sqlite, deps.writer, udiDevices, udiRuns),
    runs: udiRuns,
    normalise,
    now: deps.now,
    today: deps.today,
    currentYear: deps.currentYear,
  });
  const sourcePages = new SourcePagesRepository(sqlite);
  // One throttle for every request certref makes, so two sources on one host share its pace.
  const throttle = new HostThrottle();
  const fetcher = new PoliteFetcher({ ...config.http, throttle });
  const datesUnknown = sqlite.prepare<[number, number], { id: number; canonical: string }>(
    'SELECT id, canonical FROM certificates WHERE dates_known = 0 AND id > ? ORDER BY id LIMIT ?',
  );
  const jobRuns = new JobRunsRepository(sqlite);
  const jobs = new JobRegistry({
    jobsEnabled: config.jobsEnabled,
    housekeepingEnabled: config.housekeepingEnabled,
    schedules: config.schedules,
    sources,
    sourceRunner: {
      fetcher,
      pages: sourcePages,
      writer: deps.writer,
      precedence,
      storedVersions: (matchKey) => deps.certificates.findByMatchKey(matchKey)?.versions ?? [],
      normalise,
      datesUnknown: (limit, afterId) => datesUnknown.all(afterId, limit),
      now: deps.now,
      today: deps.today,
      currentYear: deps.currentYear,
    },
    udi: {
      importer: udiImporter,
      download: {
        throttle,
        pages: sourcePages,
        userAgent: config.http.userAgent,
        idleTimeoutMs: config.http.timeoutMs,
        minIntervalMs: config.http.minIntervalMs,
        now: deps.now,
      },
      dir: config.udiIncrementalDir,
      url: config.udiIncrementalUrl,
      downloadDir: config.udiDownloadDir,
    },
    correctionsSweep: deps.correctionsSweep,
    searchOutboxDrain: deps.searchOutboxDrain,
    summaryRefresh: deps.summaryRefresh,
  });
  const status = new StatusService({
    registry: jobs,
    jobRuns,
    udiRuns,
    udiDevices,
    pages: sourcePages,
    counts: new SourceCountsQuery(sqlite),
    jobsEnabled: config.jobsEnabled,
    housekeepingEnabled: config.housekeepingEnabled,
    timezone: deps.timezone,
    now: deps.now,
  });
  return { udiDevices, udiRuns, udiImporter, sources, sourcePages, fetcher, jobRuns, jobs, status };
}
