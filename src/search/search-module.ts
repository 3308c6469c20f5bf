import type Database from 'better-sqlite3';
import { Meilisearch } from 'meilisearch';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import type { SearchConfig } from '../config/config.ts';
import { EmbeddedSearchIndex } from './embedded-index.ts';
import { EmbeddedSearch } from './embedded-search.ts';
import { MeiliSearchIndex } from './meilisearch-index.ts';
import { MeilisearchSearch } from './meilisearch-search.ts';
import { DocumentSource } from './search-document.ts';
import { SearchOutbox, drainSearchOutbox, type DrainOptions, type DrainReport } from './search-outbox.ts';
import { SearchRows } from './search-rows.ts';
import { SearchService } from './search.service.ts';

export interface SearchModule {
  service: SearchService;
  /** The embedded index: always kept, as the default engine or as Meilisearch's fallback; `rebuild()` rebuilds it. */
  embedded: EmbeddedSearchIndex;
  /** Set when SEARCH_ENGINE=meilisearch. */
  meilisearch: { index: MeiliSearchIndex; outbox: SearchOutbox } | null;
  /** The outbox job; a no-op report without Meilisearch. */
  drainOutbox(options?: DrainOptions): Promise<DrainReport>;
}

export interface SearchModuleDeps {
  config: SearchConfig;
  sqlite: Database.Database;
  writer: CertificateWriter;
  today: () => string;
  currentYear: () => number;
}

/** Per search request: past this the embedded index answers instead. */
const MEILI_SEARCH_TIMEOUT_MS = 2_000;
/** Per indexing request (10,000 documents at a time). */
const MEILI_INDEXING_TIMEOUT_MS = 60_000;

/** Builds search for the composition root and registers its writer hooks. */
export function createSearch(deps: SearchModuleDeps): SearchModule {
  const embeddedIndex = new EmbeddedSearchIndex(deps.sqlite);
  deps.writer.onWrite(embeddedIndex.writeHook());
  const embedded = new EmbeddedSearch(deps.sqlite);
  const rows = new SearchRows(deps.sqlite);
  const { config } = deps;

  let meilisearch: SearchModule['meilisearch'] = null;
  let primary: EmbeddedSearch | MeilisearchSearch = embedded;
  const meiliUrl = config.meiliUrl;
  if (config.engine === 'meilisearch' && meiliUrl) {
    const client = (timeout: number): Meilisearch =>
      new Meilisearch({ host: meiliUrl, ...(config.meiliApiKey ? { apiKey: config.meiliApiKey } : {}), timeout });
    const outbox = new SearchOutbox(deps.sqlite);
    deps.writer.onWrite(outbox.writeHook());
    const index = new MeiliSearchIndex(client(MEILI_INDEXING_TIMEOUT_MS), config.meiliIndex, new DocumentSource(deps.sqlite));
    meilisearch = { index, outbox };
    primary = new MeilisearchSearch(client(MEILI_SEARCH_TIMEOUT_MS), config.meiliIndex);
  }

  const service = new SearchService({
    primary,
    fallback: primary === embedded ? null : embedded,
    rows,
    today: deps.today,
    currentYear: deps.currentYear,
  });
  return {
    service,
    embedded: embeddedIndex,
    meilisearch,
    drainOutbox: async (options) =>
      meilisearch
        ? drainSearchOutbox(meilisearch.outbox, meilisearch.index, options)
        : { drained: 0, upserted: 0, deleted: 0, remaining: 0 },
  };
}
