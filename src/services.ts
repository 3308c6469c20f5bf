import { Meilisearch } from 'meilisearch';
import { AutofillService } from './autofill/autofill.service.ts';
import { AutofillCache } from './autofill/autofill-cache.ts';
import { bundleBuildCounts } from './bundles/bundle-build.job.ts';
import { buildBundle } from './bundles/bundle-builder.ts';
import { BundleStore } from './bundles/bundle-store.ts';
import { CertificateWriter } from './certificates/certificate-writer.ts';
import { CertificatesRepository } from './certificates/certificates.repository.ts';
import { CertificateListing } from './certificates/listing/listing.repository.ts';
import { LookupService } from './certificates/lookup/lookup.service.ts';
import { SourcePrecedence } from './certificates/source-precedence.ts';
import { SummaryRefresher } from './certificates/summaries/summary-refresh.ts';
import { summaryRules } from './certificates/summaries/summary-rules.ts';
import { ChangeLog } from './changes/change-log.ts';
import type { AppConfig } from './config/config.ts';
import { openDatabase } from './db/database.ts';
import { ServiceState } from './db/service-state.ts';
import { WriteLock } from './db/write-lock.ts';
import { importerFor } from './imports/importer.ts';
import { JobRegistry } from './jobs/job-registry.ts';
import { JobRunsRepository } from './jobs/job-runs.repository.ts';
import { ApiKeysRepository } from './keys/api-keys.repository.ts';
import { normalise } from './numbers/normalise.ts';
import { PrecheckService } from './prechecks/precheck.service.ts';
import { EmbeddedSearchIndex } from './search/embedded/embedded-index.ts';
import { EmbeddedSearch } from './search/embedded/embedded-search.ts';
import { SearchRows } from './search/embedded/search-rows.ts';
import { MeiliSearchIndex } from './search/meilisearch/meilisearch-index.ts';
import { MeilisearchSearch } from './search/meilisearch/meilisearch-search.ts';
import { drainSearchOutbox, SearchOutbox } from './search/meilisearch/search-outbox.ts';
import { SearchService } from './search/search.service.ts';
import { SEARCH_CATCH_UP_BATCH, SearchCatchUp } from './search/search-catch-up.ts';
import { DocumentSource } from './search/search-document.ts';
import { zonedClock } from './shared/clock.ts';
import { HostThrottle } from './sources/host-throttle.ts';
import { PoliteFetcher } from './sources/polite-fetcher.ts';
import { SourcePagesRepository } from './sources/source-pages.repository.ts';
import { loadSources } from './sources/sources-config.ts';
import { SourceCountsQuery } from './status/source-counts.query.ts';
import { StatusService } from './status/status.service.ts';
import { createSubscriptions } from './subscriptions/subscriptions.ts';
import { AttachmentStore } from './tickets/attachments/attachment-store.ts';
import { AttachmentsRepository } from './tickets/attachments/attachments.repository.ts';
import { EvidenceService } from './tickets/attachments/evidence.service.ts';
import { CallbackDispatcher } from './tickets/callbacks/callback-dispatcher.ts';
import { CallbackOutbox } from './tickets/callbacks/callback-outbox.ts';
import { QueueQueries } from './tickets/queue.query.ts';
import { TicketEvents } from './tickets/ticket-events.ts';
import { TicketIntake } from './tickets/ticket-intake.ts';
import { TicketWorkflow } from './tickets/ticket-workflow.ts';
import { TicketsRepository } from './tickets/tickets.repository.ts';
import { certificateInputReader } from './udi/barcode/certificate-input.ts';
import { UdiBatchWriter } from './udi/udi-batch.ts';
import { UdiDevicesRepository } from './udi/udi-devices.repository.ts';
import { UdiImporter } from './udi/udi-importer.ts';
import { UdiRunsRepository } from './udi/udi-runs.repository.ts';

interface ServicesOptions {
  /** The clock, replaceable in tests so date rules can be checked on fixed days. */
  now?: () => Date;
}

/** Per search request: past this the embedded index answers instead. */
const MEILI_SEARCH_TIMEOUT_MS = 2_000;
/** Per indexing request (10,000 documents at a time). */
const MEILI_INDEXING_TIMEOUT_MS = 60_000;

/**
 * The one composition root: opens the database (migrating it), then builds every repository, port,
 * hook and job and wires them together. The HTTP app, the server process and every CLI command take
 * what they need from the object it returns; nothing else constructs services.
 */
export function createServices(config: AppConfig, options: ServicesOptions = {}) {
  // Today in the configured time zone (Asia/Shanghai): what "expired" is measured against.
  const clock = zonedClock(config.timezone, options.now);
  const { now, today, currentYear } = clock;
  const database = openDatabase(config.databasePath);
  const { sqlite } = database;
  // Request-level writes go through it: another process's lock is waited for on timers (db/write-lock.ts).
  const writes = new WriteLock(config.databaseWriteWaitMs);

  // Certificates: one write path whose hooks run inside its transaction.
  const certificates = new CertificatesRepository(sqlite);
  const sources = loadSources(config.freshness.sourcesFile);
  // One ranking of sources (docs/certificates.md §5) for every place that decides what is in effect:
  // the writer's summary columns, auto-fill, the certificate view and the HTML source imports.
  const precedence = new SourcePrecedence(new Map(sources.map((s) => [s.name, s.shape])));
  const writer = new CertificateWriter(sqlite, precedence.authorityOf);
  const changeLog = new ChangeLog(sqlite, now);
  writer.onWrite(changeLog.certificateWriteHook());
  const lookup = new LookupService(certificates, currentYear);
  const autofillCache = new AutofillCache(sqlite, config.autofillCacheSize);
  writer.onWrite((touched) => autofillCache.invalidate(touched.flatMap((t) => [t.matchKey, ...t.replaces])));
  const autofill = new AutofillService(certificates, autofillCache, today, precedence.authorityOf);

  // The correction queue: a missing 粤 number opens or joins a ticket; data arriving by any route resolves it.
  const callbackSettings = {
    secret: config.callbackSecret,
    maxAttempts: config.callbackMaxAttempts,
    retryBaseMs: config.callbackRetryBaseMs,
    timeoutMs: config.callbackTimeoutMs,
    allowPrivate: config.callbackAllowPrivate,
  };
  const ticketRepository = new TicketsRepository(sqlite);
  const attachments = new AttachmentsRepository(sqlite);
  const dispatcher = new CallbackDispatcher(sqlite, callbackSettings, writes);
  const outbox = new CallbackOutbox(sqlite, callbackSettings.secret !== null, () => dispatcher.kick());
  const events = new TicketEvents(changeLog, outbox, now);
  const workflow = new TicketWorkflow(sqlite, ticketRepository, attachments, writer, events, clock, config.claimTimeoutMinutes * 60_000);
  const intake = new TicketIntake(
    sqlite,
    ticketRepository,
    events,
    clock,
    { allowPrivate: callbackSettings.allowPrivate },
    config.ticketQuota,
  );
  const tickets = {
    repository: ticketRepository,
    queue: new QueueQueries(sqlite),
    intake,
    workflow,
    evidence: new EvidenceService(sqlite, ticketRepository, attachments, new AttachmentStore(config.attachmentsDir), events, now, writes),
    outbox,
    dispatcher,
  };
  lookup.onMiss(intake.missHandler());
  writer.onWrite(intake.autoResolveHook());
  const apiKeys = new ApiKeysRepository(sqlite, changeLog, now);

  // Search: the embedded index follows every write; with Meilisearch, an outbox feeds it and the
  // embedded index answers while it is unreachable.
  const embeddedIndex = new EmbeddedSearchIndex(sqlite);
  writer.onWrite(embeddedIndex.writeHook());
  const embedded = new EmbeddedSearch(sqlite);
  const catchUp = new SearchCatchUp(sqlite, embeddedIndex, writes, { batchSize: SEARCH_CATCH_UP_BATCH });
  let meilisearch: { index: MeiliSearchIndex; outbox: SearchOutbox } | null = null;
  let primary: EmbeddedSearch | MeilisearchSearch = embedded;
  const { meiliUrl, meiliApiKey, meiliIndex } = config.search;
  if (config.search.engine === 'meilisearch' && meiliUrl) {
    const client = (timeout: number): Meilisearch =>
      new Meilisearch({ host: meiliUrl, ...(meiliApiKey ? { apiKey: meiliApiKey } : {}), timeout });
    const searchOutbox = new SearchOutbox(sqlite);
    writer.onWrite(searchOutbox.writeHook());
    meilisearch = {
      index: new MeiliSearchIndex(client(MEILI_INDEXING_TIMEOUT_MS), meiliIndex, new DocumentSource(sqlite)),
      outbox: searchOutbox,
    };
    primary = new MeilisearchSearch(client(MEILI_SEARCH_TIMEOUT_MS), meiliIndex);
  }
  const meili = meilisearch;
  const search = {
    service: new SearchService({
      primary,
      fallback: primary === embedded ? null : embedded,
      rows: new SearchRows(sqlite),
      clock,
      behindSince: () => catchUp.behindSince(),
    }),
    /** Always kept, as the default engine or as Meilisearch's fallback; `rebuild()` rebuilds it. */
    embedded: embeddedIndex,
    catchUp,
    meilisearch,
    drainOutbox: async (drain?: Parameters<typeof drainSearchOutbox>[2]) =>
      meili ? drainSearchOutbox(meili.outbox, meili.index, drain) : { drained: 0, upserted: 0, deleted: 0, remaining: 0 },
  };

  // Stored summaries follow the calendar (a document taking effect on its day) through the same hooks.
  const summaries = new SummaryRefresher(sqlite, writer, new ServiceState(sqlite), summaryRules(precedence.ranking()), writes);
  summaries.adoptRulesWhenEmpty();

  // Keeping data fresh: UDI downloads, HTML sources, the job registry and its status.
  const { freshness } = config;
  const udiDevices = new UdiDevicesRepository(sqlite);
  const udiRuns = new UdiRunsRepository(sqlite);
  const udiImporter = new UdiImporter({
    batches: new UdiBatchWriter(sqlite, writer, udiDevices, udiRuns),
    runs: udiRuns,
    normalise,
    clock,
  });
  const sourcePages = new SourcePagesRepository(sqlite);
  // One throttle for every request certref makes, so two sources on one host share its pace.
  const throttle = new HostThrottle();
  const fetcher = new PoliteFetcher({ ...freshness.http, throttle });
  const datesUnknown = sqlite.prepare<[number, number], { id: number; canonical: string }>(
    'SELECT id, canonical FROM certificates WHERE dates_known = 0 AND id > ? ORDER BY id LIMIT ?',
  );
  // Subscriptions: the change feed matched after commit, sent like ticket callbacks, and the expiry job.
  const subscriptions = createSubscriptions({ database, config, clock, writes, writer, changeLog });
  const jobRuns = new JobRunsRepository(sqlite);
  // Offline bundles: a snapshot of the public tables, built nightly or by `certref bundle build`.
  const bundleStore = new BundleStore(config.bundles.dir);
  const bundles = { store: bundleStore, build: () => buildBundle({ sqlite, store: bundleStore, keep: config.bundles.keep, now }) };
  const jobs = new JobRegistry({
    jobsEnabled: freshness.jobsEnabled,
    housekeepingEnabled: freshness.housekeepingEnabled,
    schedules: freshness.schedules,
    sources,
    sourceRunner: {
      fetcher,
      pages: sourcePages,
      writer,
      precedence,
      storedVersions: (matchKey) => certificates.findByMatchKey(matchKey)?.versions ?? [],
      normalise,
      datesUnknown: (limit, afterId) => datesUnknown.all(afterId, limit),
      clock,
    },
    udi: {
      importer: udiImporter,
      download: {
        throttle,
        pages: sourcePages,
        userAgent: freshness.http.userAgent,
        idleTimeoutMs: freshness.http.timeoutMs,
        minIntervalMs: freshness.http.minIntervalMs,
        now,
      },
      dir: freshness.udiIncrementalDir,
      url: freshness.udiIncrementalUrl,
      downloadDir: freshness.udiDownloadDir,
    },
    correctionsSweep: async () => ({ claimsReleased: await writes.run(() => workflow.sweepExpiredClaims()) }),
    searchOutboxDrain: meilisearch ? () => search.drainOutbox() : null,
    summaryRefresh: () => summaries.refreshScheduled(today(), { context: { actor: 'job:summary-refresh' } }),
    expiryAlerts: subscriptions.job,
    bundleBuild: { work: async () => bundleBuildCounts(await bundles.build()), schedule: config.bundles.buildSchedule },
  });
  const status = new StatusService({
    registry: jobs,
    jobRuns,
    udiRuns,
    udiDevices,
    pages: sourcePages,
    counts: new SourceCountsQuery(sqlite),
    jobsEnabled: freshness.jobsEnabled,
    housekeepingEnabled: freshness.housekeepingEnabled,
    timezone: config.timezone,
    now,
    searchLag: () => catchUp.lag(),
  });
  const importer = importerFor({ database, writer, writes, clock, config });

  return {
    config,
    database,
    /** The one clock; its three functions are also spread here for callers that need only one. */
    clock,
    /** Runs a synchronous write transaction now, or once another process lets go of the lock. */
    writes,
    ...clock,
    /** How much each source's dates are worth (docs/certificates.md §5), from the sources configuration. */
    sourceAuthority: precedence.authorityOf,
    certificates,
    /** Every certificate page by page, pinned to the moment a walk began (`GET /v1/certificates`). */
    certificateListing: new CertificateListing(sqlite),
    writer,
    lookup,
    /** The reporting form's payload per number, with a cache of recent answers. */
    autofill,
    /** Audit trail and change feed: every change, who made it, before and after. */
    changeLog,
    apiKeys,
    /** The correction queue: tickets, their workflow, evidence and callbacks. */
    tickets,
    search,
    /** Recomputes stored certificate summaries: those due today (a job), or all after the ranking of sources changed. */
    summaries,
    /** Bulk CSV / XLSX / JSON Lines imports through the writer, with runs recorded. */
    importer,
    /** Template pre-checks: a filled-in reporting template checked and corrected row by row, never writing certificate data. */
    prechecks: new PrecheckService({
      sqlite,
      lookup,
      autofill,
      writes,
      clock,
      maxBytes: config.precheckMaxBytes,
      maxDecompressedBytes: config.importMaxDecompressedBytes,
    }),
    udiDevices,
    udiRuns,
    udiImporter,
    /** What a certificate number field was given: a number as typed, or a scanned UDI resolved to its certificate. */
    readCertificateInput: certificateInputReader({ devices: udiDevices, currentYear }),
    sources,
    sourcePages,
    fetcher,
    jobRuns,
    jobs,
    /** Offline bundles: the folder they are kept in, and a build (which also prunes). */
    bundles,
    status,
    /** Webhooks for certificate changes, expiry and resolved tickets. */
    subscriptions,
    /** Starts delivering callbacks and subscription notices (the HTTP app calls this once it is ready). */
    start: () => {
      dispatcher.start();
      subscriptions.start();
    },
    close: () => {
      dispatcher.stop();
      subscriptions.stop();
      database.close();
    },
  };
}

/** Everything the HTTP app and the CLI commands use, as the composition root builds it. */
export type Services = ReturnType<typeof createServices>;
