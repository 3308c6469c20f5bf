import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../src/bundles/bundles.schemas.ts';
import type { TestContext } from '../helpers/test-app.ts';
import { demoApp, makeDir, removeDir } from './helpers.ts';

let dir: string;
let ctx: TestContext;
let manifest: BundleManifest;
let sqliteBytes: Buffer;

beforeAll(async () => {
  dir = makeDir('bundle-routes');
  ctx = await demoApp(dir);
  await ctx.services.bundles.build();
  ({ manifest } = await ctx.services.bundles.build());
  sqliteBytes = fs.readFileSync(path.join(dir, manifest.id, 'certref.sqlite'));
});

afterAll(async () => {
  await ctx.close();
  removeDir(dir);
});

describe('GET /v1/bundles', () => {
  it('lists the manifests, newest first, to anonymous callers', async () => {
    const response = await ctx.app.inject({ url: '/v1/bundles' });
    expect(response.statusCode).toBe(200);
    const { bundles } = response.json() as { bundles: BundleManifest[] };
    expect(bundles).toHaveLength(2);
    expect(bundles[0]).toEqual(manifest);
    expect((bundles[1]?.id ?? '') < manifest.id).toBe(true);
  });

  it('redirects latest to the newest manifest, or to the file asked for', async () => {
    const toManifest = await ctx.app.inject({ url: '/v1/bundles/latest' });
    expect(toManifest.statusCode).toBe(302);
    expect(toManifest.headers.location).toBe(`/v1/bundles/${manifest.id}/manifest.json`);
    const toFile = await ctx.app.inject({ url: '/v1/bundles/latest?file=certref.sqlite' });
    expect(toFile.headers.location).toBe(`/v1/bundles/${manifest.id}/certref.sqlite`);
    const followed = await ctx.app.inject({ url: toManifest.headers.location as string });
    expect(followed.json()).toEqual(manifest);
  });
});

describe('GET /v1/bundles/{id}/{file}', () => {
  const url = () => `/v1/bundles/${manifest.id}/certref.sqlite`;

  it('sends the whole file with an ETag', async () => {
    const response = await ctx.app.inject({ url: url() });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(sqliteBytes)).toBe(true);
    expect(response.headers.etag).toBeTruthy();
    expect(response.headers['accept-ranges']).toBe('bytes');
  });

  it('answers a Range with 206 and Content-Range, so a broken download resumes', async () => {
    const response = await ctx.app.inject({ url: url(), headers: { range: 'bytes=100-1099' } });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 100-1099/${sqliteBytes.length}`);
    expect(response.rawPayload.equals(sqliteBytes.subarray(100, 1100))).toBe(true);
  });

  it('answers If-None-Match with 304', async () => {
    const { etag } = (await ctx.app.inject({ url: url() })).headers;
    const response = await ctx.app.inject({ url: url(), headers: { 'if-none-match': etag as string } });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.length).toBe(0);
  });

  it('answers 404 bundle_not_found for a bundle that is not kept, and 400 for a file it does not have', async () => {
    const missing = await ctx.app.inject({ url: '/v1/bundles/20000101T000000000Z/certref.sqlite' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('bundle_not_found');
    const other = await ctx.app.inject({ url: `/v1/bundles/${manifest.id}/..%2F..%2Fcertref.db` });
    expect(other.statusCode).toBe(400);
  });
});

describe('GET /v1/bundles/latest without bundles', () => {
  it('answers 404 bundle_not_found', async () => {
    const empty = makeDir('no-bundles');
    const bare = await demoApp(empty);
    try {
      const response = await bare.app.inject({ url: '/v1/bundles/latest' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('bundle_not_found');
    } finally {
      await bare.close();
      removeDir(empty);
    }
  });
});
