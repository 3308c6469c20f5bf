import { randomUUID } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { afterAll, describe } from 'vitest';
import { searchContract } from './search-contract.ts';
import { searchApp } from './search-fixtures.ts';

// Tests may read the environment; the service never does outside its config.
const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_API_KEY ?? null;
const indexName = `certref_test_${randomUUID().slice(0, 8)}`;

describe.skipIf(!url)('meilisearch contract (skipped: MEILI_URL not set)', () => {
  searchContract(() =>
    searchApp({ search: { engine: 'meilisearch', meiliUrl: url!, meiliApiKey: apiKey, meiliIndex: indexName }, catchUp: true }),
  );

  afterAll(async () => {
    await new Meilisearch({ host: url!, ...(apiKey ? { apiKey } : {}) }).deleteIndexIfExists(indexName);
  });
});
