import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RequesterOf } from '../certificates/lookup/requester.ts';
import { RAW_IMPORT_TYPES, readUpload } from '../imports/upload.ts';
import { AppError } from '../shared/app-error.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import { makeTempDir } from '../shared/temp-files.ts';
import { CONTENT_TYPES, correctedName, type PrecheckService } from './precheck.service.ts';
import { precheckTooLarge } from './prechecks.errors.ts';
import { precheckQuerySchema, precheckSummarySchema } from './prechecks.schemas.ts';

interface PrecheckRoutesDeps {
  service: PrecheckService;
  requester: RequesterOf;
  maxBytes: number;
}

const FILE_TYPES = [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx, 'application/octet-stream'];

/**
 * The template pre-check for filing clerks. Open like lookups (anonymous callers within their
 * quotas): a clerk checks a template before uploading it to the reporting system. Not wrapped in
 * fastify-plugin: multipart and the raw-body parsers stay inside this scope.
 */
export function prechecksRoutes(deps: PrecheckRoutesDeps): FastifyPluginAsyncZod {
  const { service, requester, maxBytes } = deps;
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 10 } });
    app.addContentTypeParser(RAW_IMPORT_TYPES, (_request, payload, done) => done(null, payload));

    app.post(
      '/v1/prechecks',
      {
        config: { access: 'lookup' },
        schema: {
          tags: ['autofill'],
          summary: '预检批量填报模板 · Pre-check a filled-in reporting template',
          description:
            '上传填好的广东省产品信息批量填报模板（XLSX，或 UTF-8/GBK 的 CSV，最大 20 MB），逐行核查证号并按库中数据补填空白。默认返回 JSON 摘要；`?respond=file`（或 Accept 为 text/csv、xlsx 类型）则直接返回同格式的更正文件，计数在响应头 `X-Precheck-Counts`。 ' +
            'Upload a filled-in Guangdong batch template (XLSX, or CSV in UTF-8 with or without BOM or GBK/GB18030; PRECHECK_MAX_MB, default 20 MB) as multipart field `file` or as the raw body. Every number goes through the number engine and the store as auto-fill does; empty product name, holder and dates are filled from the store with the form’s date rules; each row gets 核查结果 (通过 / 已更正 / 不可填报 / 未收录) and 说明. ' +
            'A well-formed 粤 number certref does not hold opens or joins a ticket (counted against the caller’s ticket quota), linked to the pre-check. ' +
            'Answers the JSON summary by default; with `?respond=file`, or an Accept header naming text/csv, the xlsx type or application/octet-stream (and not application/json), answers the corrected file itself in the same format, sheet name and encoding, with the counts in `X-Precheck-Counts` and the reference in `X-Precheck-Id`. The corrected file is not kept on the server. Never writes certificate data.',
          consumes: ['multipart/form-data', ...RAW_IMPORT_TYPES],
          querystring: precheckQuerySchema,
          response: { 200: precheckSummarySchema, ...problemResponses(400, 401, 403, 413, 415, 429) },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, maxBytes, request.query.fileName).catch((error: unknown) => {
          throw tooLargeAsPrecheck(error, maxBytes);
        });
        const output = await makeTempDir('precheck');
        try {
          const outputPath = path.join(output.path, 'corrected');
          const summary = await service
            .run({
              input: { stream: upload.stream },
              fileName: upload.fileName,
              contentType: upload.contentType,
              requester: requester(request),
              outputPath,
              whenSpooled: upload.rest,
            })
            .catch((error: unknown) => {
              throw tooLargeAsPrecheck(error, maxBytes);
            });
          if (!wantsFile(request)) return summary;
          const fileName = correctedName(upload.fileName, summary.format);
          const type =
            summary.format === 'csv' ? `text/csv; charset=${(summary.encoding ?? 'utf-8').replace(/-bom$/, '')}` : CONTENT_TYPES.xlsx;
          const stream = fs.createReadStream(outputPath);
          // Opened, then removed at once: the open file is still sent whole, and nothing stays on disk
          // however the download ends (finished, abandoned by the client, or the process killed).
          await once(stream, 'open');
          await output.dispose();
          return await reply
            .type(type)
            .header(
              'content-disposition',
              `attachment; filename="${asciiName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
            )
            .header('x-precheck-id', summary.id)
            .header('x-precheck-counts', JSON.stringify(summary.counts))
            .send(stream as never);
        } finally {
          await output.dispose();
        }
      },
    );
  };
}

function wantsFile(request: FastifyRequest<{ Querystring: { respond?: 'json' | 'file' | undefined } }>): boolean {
  if (request.query.respond) return request.query.respond === 'file';
  const accept = request.headers.accept?.toLowerCase() ?? '';
  return !accept.includes('application/json') && FILE_TYPES.some((type) => accept.includes(type));
}

/** The upload's own size refusals, said in the pre-check's terms (its limit, its advice). */
function tooLargeAsPrecheck(error: unknown, maxBytes: number): unknown {
  if (error instanceof AppError && error.code === 'import_too_large') return precheckTooLarge(maxBytes);
  if (!(error instanceof AppError) && (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') return precheckTooLarge(maxBytes);
  return error;
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
