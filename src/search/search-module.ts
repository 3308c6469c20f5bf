import type { EmbeddedSearchIndex } from './embedded/embedded-index.ts';
import type { MeiliSearchIndex } from './meilisearch/meilisearch-index.ts';
import type { DrainOptions, DrainReport, SearchOutbox } from './meilisearch/search-outbox.ts';
import type { SearchService } from './search.service.ts';
import type { SearchCatchUp } from './search-catch-up.ts';

/** Search as the composition root builds it: the service behind GET /v1/search, the index, the Meilisearch outbox. */
export interface SearchModule {
  service: SearchService;
  /** The embedded index: always kept, as the default engine or as Meilisearch's fallback; `rebuild()` rebuilds it. */
  embedded: EmbeddedSearchIndex;
  /** Indexes what bulk imports left owed, after them (started by the server, run by the CLI import). */
  catchUp: SearchCatchUp;
  /** Set when SEARCH_ENGINE=meilisearch. */
  meilisearch: { index: MeiliSearchIndex; outbox: SearchOutbox } | null;
  /** The outbox job; a no-op report without Meilisearch. */
  drainOutbox(options?: DrainOptions): Promise<DrainReport>;
}
