import type { AppConfig } from './config/config.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { Importer } from './ingest/importer.ts';
import type { CertificateWriter } from './certificates/certificate-writer.ts';
import type { CertificatesRepository } from './certificates/certificates.repository.ts';
import type { ChangeLog } from './audit/change-log.ts';
import type { ApiKeysRepository } from './auth/api-keys.repository.ts';
import type { Corrections } from './corrections/corrections.ts';
import type { AutofillService } from './certificates/autofill.service.ts';
import type { SummaryRefresher } from './certificates/summary-refresh.ts';
import type { LookupService } from './certificates/lookup.service.ts';
import type { FreshnessServices } from './freshness/freshness-services.ts';
import type { SearchModule } from './search/search-module.ts';
import type { AuthorityOf } from './sources/source-precedence.ts';

/**
 * Everything the HTTP app and the CLI commands need, built once by the composition root
 * (`createServices`) and passed in. Route plugins take what they use from here.
 */
export interface Services {
  config: AppConfig;
  database: DatabaseHandle;
  certificates: CertificatesRepository;
  writer: CertificateWriter;
  /** Bulk CSV / XLSX / JSON Lines imports through the writer, with runs recorded. */
  importer: Importer;
  lookup: LookupService;
  /** The reporting form's payload per number, with a cache of recent answers. */
  autofill: AutofillService;
  /** Audit trail and change feed: every change, who made it, before and after. */
  changeLog: ChangeLog;
  /** The correction queue: tickets, their workflow, evidence and callbacks. */
  corrections: Corrections;
  /** API keys with roles (reader, technician, admin), stored hashed. */
  apiKeys: ApiKeysRepository;
  /** The clock, replaceable in tests so date rules can be checked on fixed days. */
  now: () => Date;
  /** Today in the configured time zone (Asia/Shanghai): what "expired" is measured against. */
  today: () => string;
  currentYear: () => number;
  /** How much each source's dates are worth (CERTIFICATES.md §5), from the sources configuration. */
  sourceAuthority: AuthorityOf;
  /** UDI imports, HTML sources, scheduled jobs, status (issue 6). */
  freshness: FreshnessServices;
  /** Search (issue 5): the service behind GET /v1/search, reindexing, the Meilisearch outbox. */
  search: SearchModule;
  /** Recomputes stored certificate summaries: those due today (a job), or all after the ranking of sources changed. */
  summaries: SummaryRefresher;
  close(): void;
}
