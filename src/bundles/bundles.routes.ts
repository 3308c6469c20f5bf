import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../shared/problem-responses.ts';
import type { BundleStore } from './bundle-store.ts';
import { bundleFileParamsSchema, bundleListSchema, latestQuerySchema } from './bundles.schemas.ts';

/** A bundle's files never change once published: caches may keep them. */
const A_YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * `GET /v1/bundles…`: the offline bundles, as public as lookups (and rate-limited like them).
 * Downloads answer `Range` (206) and `If-None-Match` (304), so an interrupted download resumes.
 */
export function bundlesRoutes(store: BundleStore): FastifyPluginAsyncZod {
  return async (app) => {
    // Inside this plugin only: the reply's sendFile, without serving a folder of its own.
    await app.register(fastifyStatic, { root: store.dir, serve: false });

    app.get(
      '/v1/bundles',
      {
        config: { access: 'lookup' },
        schema: {
          tags: ['freshness'],
          summary: '离线数据包列表 · List offline bundles',
          description:
            '列出现有离线数据包的清单（最新的在前）：每个包含全部公开证书数据的 SQLite 文件和 JSON Lines 文件、校验值，以及快照时刻的变更流游标。 Manifests of the bundles kept, newest first: each has a SQLite file and a gzipped JSON Lines file of all public certificate data, their SHA-256, and the change feed cursor at the snapshot.',
          response: { 200: bundleListSchema, ...problemResponses(401, 429) },
        },
      },
      async () => ({ bundles: store.list() }),
    );

    app.get(
      '/v1/bundles/latest',
      {
        config: { access: 'lookup' },
        schema: {
          tags: ['freshness'],
          summary: '最新离线数据包 · Newest offline bundle',
          description:
            '302 跳转到最新数据包的清单或所选文件。 Redirects (302) to the newest bundle’s manifest, or to the file named by `file`.',
          querystring: latestQuerySchema,
          response: { 302: z.null().describe('跳转。 Redirect; Location names the file.'), ...problemResponses(400, 401, 404, 429) },
        },
      },
      async (request, reply) => {
        const { id } = store.latest();
        // Not cached: the newest changes with every build.
        return reply.header('cache-control', 'no-store').redirect(`/v1/bundles/${id}/${request.query.file}`, 302);
      },
    );

    app.get(
      '/v1/bundles/:id/:file',
      {
        config: { access: 'lookup' },
        schema: {
          tags: ['freshness'],
          summary: '下载离线数据包文件 · Download a bundle file',
          description:
            '下载数据包的清单或数据文件；支持 Range（断点续传，206）和 If-None-Match（304）。 A bundle’s manifest or data file. Supports `Range` (206 with Content-Range, to resume) and `ETag`/`If-None-Match` (304).',
          params: bundleFileParamsSchema,
          response: {
            200: z.any().describe('文件内容。 The file.'),
            206: z.any().describe('所请求的字节范围。 The requested byte range.'),
            304: z.null().describe('未变化。 Not modified.'),
            ...problemResponses(400, 401, 404, 416, 429),
          },
        },
      },
      async (request, reply) => {
        const folder = store.folderOf(request.params.id);
        return reply.sendFile(request.params.file, folder, { maxAge: A_YEAR_MS, immutable: true });
      },
    );
  };
}
