import type { EnqueuedTaskPromise, Meilisearch, Settings } from 'meilisearch';
import { type DocumentSource, meiliDocument } from '../search-document.ts';
import { callMeilisearch, isIndexNotFound } from './meilisearch-errors.ts';

/**
 * Searchable: the three n-gram fields, in ranking order (the `attribute` rule ranks a number match
 * above a product-name match above a holder match, and an earlier position above a later one).
 * Typo tolerance is off: the words are spelled n-grams, where a "typo" is another character, and
 * numbers must never match approximately.
 */
const MEILI_SETTINGS: Settings = {
  searchableAttributes: ['numberGrams', 'nameGrams', 'holderGrams'],
  filterableAttributes: ['certificateId', 'family', 'authority', 'managementClass', 'year', 'expiryDay'],
  sortableAttributes: ['order'],
  rankingRules: ['attribute', 'sort', 'words', 'proximity', 'exactness', 'typo'],
  typoTolerance: { enabled: false, disableOnAttributes: ['numberGrams', 'canonical'], disableOnNumbers: true },
  faceting: { maxValuesPerFacet: 100 },
  // Totals are counted exactly up to this many hits.
  pagination: { maxTotalHits: 5_000_000 },
};

const BATCH = 10_000;
const TASK_TIMEOUT_MS = 10 * 60_000;

interface ReindexReport {
  documents: number;
  milliseconds: number;
}

/** Writes to the Meilisearch index: outbox batches, and full reindexes swapped in whole. */
export class MeiliSearchIndex {
  constructor(
    private readonly client: Meilisearch,
    readonly indexUid: string,
    private readonly source: DocumentSource,
  ) {}

  /** Sends the current state of these certificates: upserts those that exist, deletes the rest. */
  async sync(certificateIds: readonly number[]): Promise<{ upserted: number; deleted: number }> {
    await this.ensureIndex();
    const rows = this.source.byIds(certificateIds);
    const present = new Set(rows.map((row) => row.id));
    const gone = certificateIds.filter((id) => !present.has(id));
    const index = this.client.index(this.indexUid);
    if (rows.length > 0) await this.wait(() => index.addDocuments(rows.map(meiliDocument), { primaryKey: 'id' }));
    if (gone.length > 0) await this.wait(() => index.deleteDocuments({ filter: `certificateId IN [${gone.join(', ')}]` }));
    return { upserted: rows.length, deleted: gone.length };
  }

  /**
   * Builds a new index from every certificate, then swaps it with the live one, so searches see the
   * old index until the new one is complete. Changes written meanwhile stay in the outbox.
   */
  async reindex(): Promise<ReindexReport> {
    const started = performance.now();
    const next = `${this.indexUid}_reindex`;
    await callMeilisearch(() => this.client.deleteIndexIfExists(next));
    await this.wait(() => this.client.createIndex(next, { primaryKey: 'id' }));
    await this.wait(() => this.client.index(next).updateSettings(MEILI_SETTINGS));
    let documents = 0;
    for (const page of this.source.pages(BATCH)) {
      await this.wait(() => this.client.index(next).addDocuments(page.map(meiliDocument), { primaryKey: 'id' }));
      documents += page.length;
    }
    await this.ensureIndex(this.indexUid);
    await this.wait(() => this.client.swapIndexes([{ indexes: [this.indexUid, next], rename: false }]));
    await callMeilisearch(() => this.client.deleteIndexIfExists(next));
    return { documents, milliseconds: Math.round(performance.now() - started) };
  }

  /** Creates the index with its settings when it does not exist yet (adding documents would create it bare). */
  async ensureIndex(uid = this.indexUid): Promise<void> {
    try {
      await this.client.getRawIndex(uid);
      return;
    } catch (error) {
      if (!isIndexNotFound(error)) return callMeilisearch(() => Promise.reject(error));
    }
    await this.wait(() => this.client.createIndex(uid, { primaryKey: 'id' }));
    await this.wait(() => this.client.index(uid).updateSettings(MEILI_SETTINGS));
  }

  /** Enqueues a task and waits for it; a failed task is an error, so nothing is acknowledged. */
  private async wait(enqueue: () => EnqueuedTaskPromise): Promise<void> {
    const task = await callMeilisearch(() => enqueue().waitTask({ timeout: TASK_TIMEOUT_MS }));
    if (task.status !== 'succeeded') {
      throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error message'}`);
    }
  }
}
