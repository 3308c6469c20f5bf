import { ChangeLog } from './audit/change-log.ts';
import { ApiKeysRepository } from './auth/api-keys.repository.ts';
import { CertificateWriter } from './certificates/certificate-writer.ts';
import { CertificatesRepository } from './certificates/certificates.repository.ts';
import { LookupService } from './certificates/lookup.service.ts';
import { AutofillCache } from './certificates/autofill-cache.ts';
import { AutofillService } from './certificates/autofill.service.ts';
import { SummaryRefresher } from './certificates/summary-refresh.ts';
import { summaryRules } from './certificates/summary-rules.ts';
import { ServiceState } from './db/service-state.ts';
import type { AppConfig } from './config/config.ts';
import { createCorrections } from './corrections/corrections.ts';
import { openDatabase } from './db/database.ts';
import { createSearch } from './search/search-module.ts';
import { createFreshnessServices } from './freshness/freshness-services.ts';
import { importerFor } from './ingest/importer.ts';
import type { Services } from './services.ts';
import { todayClock } from './shared/dates.ts';
import { SourcePrecedence } from './sources/source-precedence.ts';
import { loadSources } from './sources/sources-config.ts';

export interface CompositionOptions {
  now?: () => Date;
}

/** The one composition root: opens the database, migrates, and wires every service. */
export function createServices(config: AppConfig, options: CompositionOptions = {}): Services {
  const now = options.now ?? (() => new Date());
  const today = todayClock(config.timezone, now);
  const currentYear = () => Number(today().slice(0, 4));
  const database = openDatabase(config.databasePath);
  const certificates = new CertificatesRepository(database.sqlite);
  const sources = loadSources(config.freshness.sourcesFile);
  // One ranking of sources (CERTIFICATES.md §5) for every place that decides what is in effect:
  // the writer's summary columns, auto-fill, the certificate view and the HTML source imports.
  const precedence = new SourcePrecedence(new Map(sources.map((s) => [s.name, s.shape])));
  const writer = new CertificateWriter(database.sqlite, precedence.authorityOf);
  const changeLog = new ChangeLog(database.sqlite, now);
  writer.onWrite(changeLog.certificateWriteHook());
  const lookup = new LookupService(certificates, currentYear);
  const autofillCache = new AutofillCache(database.sqlite, config.autofillCacheSize);
  writer.onWrite((touched) => autofillCache.invalidate(touched.map((t) => t.matchKey)));
  const autofill = new AutofillService(certificates, autofillCache, today, precedence.authorityOf);
  // Correction queue: a missing 粤 number opens or joins a ticket; data arriving by any route resolves it.
  const corrections = createCorrections({
    sqlite: database.sqlite,
    changeLog,
    writer,
    now,
    today,
    currentYear,
    claimTimeoutMinutes: config.claimTimeoutMinutes,
    attachmentsDir: config.attachmentsDir,
    callbacks: {
      secret: config.callbackSecret,
      maxAttempts: config.callbackMaxAttempts,
      retryBaseMs: config.callbackRetryBaseMs,
      timeoutMs: config.callbackTimeoutMs,
      allowPrivate: config.callbackAllowPrivate,
    },
  });
  lookup.onMiss(corrections.intake.missHandler());
  writer.onWrite(corrections.intake.autoResolveHook());
  const apiKeys = new ApiKeysRepository(database.sqlite, changeLog, now);
  // Search: the embedded index follows every write; with Meilisearch, an outbox feeds it.
  const search = createSearch({ config: config.search, sqlite: database.sqlite, writer, today, currentYear });
  // Stored summaries follow the calendar (a document taking effect on its day) through the same hooks.
  const summaries = new SummaryRefresher(database.sqlite, writer, new ServiceState(database.sqlite), summaryRules(precedence.ranking()));
  summaries.adoptRulesWhenEmpty();
  // UDI imports, HTML sources and the job registry; the server process alone schedules the jobs.
  const freshness = createFreshnessServices({
    config: config.freshness,
    timezone: config.timezone,
    sqlite: database.sqlite,
    writer,
    certificates,
    now,
    today,
    currentYear,
    correctionsSweep: () => ({ claimsReleased: corrections.workflow.sweepExpiredClaims() }),
    searchOutboxDrain: search.meilisearch ? () => search.drainOutbox() : null,
    summaryRefresh: () => summaries.refreshScheduled(today(), { context: { actor: 'job:summary-refresh' } }),
    sources,
    precedence,
  });
  const importer = importerFor({ database, writer, now, today });
  return {
    config,
    database,
    certificates,
    importer,
    writer,
    lookup,
    autofill,
    changeLog,
    now,
    today,
    currentYear,
    sourceAuthority: precedence.authorityOf,
    corrections,
    apiKeys,
    freshness,
    search,
    summaries,
    close: () => {
      corrections.stop();
      database.close();
    },
  };
}
