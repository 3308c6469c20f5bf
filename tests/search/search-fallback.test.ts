import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngineUnavailable } from '../../src/search/search.port.ts';
import { encodeSearchCursor, queryFingerprint } from '../../src/search/search-cursor.ts';
import { foldText } from '../../src/search/search-text.ts';
import type { TestContext } from '../helpers/test-app.ts';
import { CERTIFICATES, type SearchBody, search, searchApp, tiers } from './search-fixtures.ts';

/** A local port nobody listens on: bound, noted, released. Connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The cursor Meilisearch would have issued for page 2 of `q` (no filters), as the service encodes it. */
function meilisearchCursor(q: string): string {
  return encodeSearchCursor({ pinnedShown: 0, engine: 'meilisearch', engineCursor: '1' }, queryFingerprint(foldText(q), {}));
}

describe('Meilisearch configured but unreachable', () => {
  let meili: TestContext;
  let embedded: TestContext;
  beforeAll(async () => {
    const port = await closedPort();
    meili = await searchApp({
      search: { engine: 'meilisearch', meiliUrl: `http://127.0.0.1:${port}`, meiliApiKey: null, meiliIndex: 'certificates' },
    });
    embedded = await searchApp();
  });
  afterAll(async () => {
    await meili?.close();
    await embedded?.close();
  });

  it('answers from the embedded index and says so in a header', async () => {
    const response = await meili.app.inject({ url: '/v1/search?q=3140' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-search-fallback']).toBe('embedded');
    expect(response.headers['x-search-engine']).toBe('embedded');
    const body = response.json() as SearchBody;
    expect(body.engine).toBe('embedded');
    const direct = (await embedded.app.inject({ url: '/v1/search?q=3140' })).json() as SearchBody;
    expect(tiers(body)).toEqual(tiers(direct));
    expect(body.total).toBe(direct.total);
    expect(body.facets).toEqual(direct.facets);
  });

  it('does not set the fallback header when the embedded engine is the configured one', async () => {
    const response = await embedded.app.inject({ url: '/v1/search?q=3140' });
    expect(response.headers['x-search-fallback']).toBeUndefined();
    expect(response.headers['x-search-engine']).toBe('embedded');
  });

  it('keeps every change in the outbox until Meilisearch is back', async () => {
    const outbox = meili.services.search.meilisearch!.outbox;
    const queued = outbox.size();
    expect(queued).toBe(Object.keys(CERTIFICATES).length);
    await expect(meili.services.search.drainOutbox()).rejects.toBeInstanceOf(SearchEngineUnavailable);
    expect(outbox.size()).toBe(queued);
  });

  it('pages to the last hit on the embedded index, exactly as the embedded engine alone does', async () => {
    const walk = async (ctx: TestContext): Promise<string[][]> => {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: SearchBody = await search(ctx, { q: '3140', limit: 1, ...(cursor ? { cursor } : {}) });
        expect(page.engine).toBe('embedded');
        pages.push(page.hits.map((hit) => hit.canonical));
        cursor = page.nextCursor;
      } while (cursor && pages.length < 20);
      return pages;
    };
    const onFallback = await walk(meili);
    expect(onFallback.length).toBeGreaterThan(2);
    expect(onFallback).toEqual(await walk(embedded));
  });

  it('refuses a Meilisearch cursor while the embedded index answers', async () => {
    const cursor = meilisearchCursor('3140');
    const response = await meili.app.inject({ url: `/v1/search?q=3140&cursor=${cursor}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_cursor', reason: 'other_engine' });
  });
});

describe('Meilisearch back while a client pages through fallback answers', () => {
  // A stand-in Meilisearch: answers 503 while down, an empty index once up; counts what it is asked.
  let up = false;
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests++;
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (!up) {
        response.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"down","code":"down","type":"system","link":""}');
        return;
      }
      const { queries } = JSON.parse(body) as { queries: { indexUid: string; q: string }[] };
      const results = queries.map((query) => ({ indexUid: query.indexUid, query: query.q, hits: [], totalHits: 0, processingTimeMs: 0 }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
    });
  });
  let meili: TestContext;
  let embedded: TestContext;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    meili = await searchApp({
      search: { engine: 'meilisearch', meiliUrl: `http://127.0.0.1:${port}`, meiliApiKey: null, meiliIndex: 'certificates' },
    });
    embedded = await searchApp();
  });
  afterAll(async () => {
    await meili?.close();
    await embedded?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('the embedded index that began the paging finishes it; a new query goes to Meilisearch', async () => {
    const first = await search(meili, { q: '3140', limit: 1 });
    expect(first.engine).toBe('embedded');
    up = true;
    const askedBefore = requests;
    const second = await meili.app.inject({ url: '/v1/search', query: { q: '3140', limit: '1', cursor: first.nextCursor! } });
    expect(second.statusCode).toBe(200);
    expect(second.headers['x-search-fallback']).toBe('embedded');
    expect(requests).toBe(askedBefore);
    const direct = await search(embedded, { q: '3140', limit: 1 });
    const directSecond = await search(embedded, { q: '3140', limit: 1, cursor: direct.nextCursor! });
    expect((second.json() as SearchBody).hits).toEqual(directSecond.hits);

    const fresh = await meili.app.inject({ url: '/v1/search?q=3140' });
    expect(fresh.headers['x-search-engine']).toBe('meilisearch');
    expect(requests).toBeGreaterThan(askedBefore);
  });
});
