import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../shared/app-error.ts';
import { problemResponses } from '../shared/problem-responses.ts';
import type { Importer } from './importer.ts';
import { importRunNotFound, importTooLarge } from './imports.errors.ts';
import {
  type ImportReportBody,
  importQuerySchema,
  importReportSchema,
  importRunParamsSchema,
  importRunQuerySchema,
} from './imports.schemas.ts';
import type { IssueSeverity } from './rows/row-issues.ts';
import { RAW_IMPORT_TYPES, readUpload } from './upload.ts';

/** Uploads beyond this are refused (413 import_too_large); the CLI reads local files of any size. */
const UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;

interface IssuePage {
  offset: number;
  limit: number;
  severity?: IssueSeverity | undefined;
}

/** The first page POST shows; the same as GET without a query. */
const FIRST_ISSUE_PAGE: IssuePage = { offset: 0, limit: 100 };

/** The report of a stored run, read back from the database so POST and GET cannot drift apart. */
function importReportBody(importer: Importer, id: number, page: IssuePage): ImportReportBody | null {
  const run = importer.runs.get(id);
  if (!run) return null;
  const { offset, limit, severity } = page;
  const issues = importer.runs.issues(id, { offset, limit, ...(severity ? { severity } : {}) });
  const durationMs = run.finishedAt === null ? null : Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return { ...run, durationMs, issues: { ...issues, offset, limit } };
}

interface ImportsRoutesOptions {
  maxBytes?: number;
}

/**
 * Bulk imports for administrators. Not wrapped in fastify-plugin: multipart and the raw-body
 * parsers stay inside this scope.
 */
export function importsRoutes(importer: Importer, options: ImportsRoutesOptions = {}): FastifyPluginAsyncZod {
  const maxBytes = options.maxBytes ?? UPLOAD_LIMIT_BYTES;
  return async (app) => {
    // One byte over the limit reaches the importer, which refuses it with import_too_large.
    await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 10 } });
    // The body stays a stream: the importer reads it once, and the 1 MB body limit does not apply.
    app.addContentTypeParser(RAW_IMPORT_TYPES, (_request, payload, done) => done(null, payload));

    app.post(
      '/v1/imports',
      {
        // Checked at onRequest by the auth plugin: a stranger's 200 MB body is refused before it is read.
        config: { access: 'admin' },
        schema: {
          tags: ['imports'],
          summary: '导入证书文件 · Import a certificate file',
          description:
            '批量导入 CSV、XLSX 或 JSON Lines 证书数据（管理员）。 CSV (UTF-8 with or without BOM, or GBK as Excel in China saves it), XLSX (first sheet) or JSON Lines, as multipart field `file` or as the raw body (text/csv, application/x-ndjson, the xlsx MIME type). Up to 200 MB. Columns are found by their Chinese or English header; template hint rows are skipped. Requires `Authorization: Bearer <ADMIN_TOKEN>`.',
          consumes: ['multipart/form-data', ...RAW_IMPORT_TYPES],
          querystring: importQuerySchema,
          response: { 201: importReportSchema, ...problemResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, maxBytes, request.query.fileName);
        try {
          const report = await importer.importFile({
            stream: upload.stream,
            fileName: upload.fileName,
            contentType: upload.contentType,
            whenSpooled: upload.rest,
            source: request.query.source,
            maxBytes,
          });
          // Read back from the database, so the answer is exactly what GET shows for this run.
          const body = importReportBody(importer, report.importRunId, FIRST_ISSUE_PAGE);
          if (!body) throw importRunNotFound(report.importRunId);
          return await reply.code(201).header('location', `/v1/imports/${report.importRunId}`).send(body);
        } catch (error) {
          // @fastify/multipart's own limit error, should it fire before the importer's.
          if (!(error instanceof AppError) && (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw importTooLarge(maxBytes);
          }
          throw error;
        }
      },
    );

    app.get(
      '/v1/imports/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['imports'],
          summary: '导入记录及其问题 · An import run and its issues',
          description:
            '一次导入的文件、状态、计数，以及按行号排列的拒收和警告。 The run (file, hash, status, counts) with its rejections and warnings, paginated in row order.',
          params: importRunParamsSchema,
          querystring: importRunQuerySchema,
          response: { 200: importReportSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { id } = request.params;
        const body = importReportBody(importer, id, request.query);
        if (!body) throw importRunNotFound(id);
        return body;
      },
    );
  };
}
