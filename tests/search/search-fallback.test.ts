import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngineUnavailable } from '../../src/search/search.port.ts';
import { encodeSearchCursor, queryFingerprint } from '../../src/search/search-cursor.ts';
import { foldText } from '../../src/search/search-text.ts';
import type { TestContext } from '../helpers/test-app.ts';
import { CERTIFICATES, type SearchBody, searchApp, tiers } from './search-fixtures.ts';

/** A local port nobody listens on: bound, noted, released. Connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
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

  it('refuses a Meilisearch cursor while the embedded index answers', async () => {
    const cursor = encodeSearchCursor({ pinnedShown: 0, engine: 'meilisearch', engineCursor: '1' }, queryFingerprint(foldText('3140'), {}));
    const response = await meili.app.inject({ url: `/v1/search?q=3140&cursor=${cursor}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_cursor', reason: 'other_engine' });
  });
});
