import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../shared/problem-responses.ts';
import { attachmentMissing, attachmentTooLarge } from '../tickets.errors.ts';
import { attachmentParamsSchema, attachmentSchema, ticketParamsSchema } from '../tickets.schemas.ts';
import type { Tickets } from '../tickets.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB } from './attachment-store.ts';
import { attachmentHref } from './evidence.service.ts';

/** Room for the multipart framing around a file at the limit. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Evidence upload and download. Not wrapped in fastify-plugin: the multipart parser and its
 * 20 MB limit stay inside this scope (the app's own body limit is 1 MB).
 */
export function attachmentsRoutes(parts: Tickets): FastifyPluginAsyncZod {
  const { evidence } = parts;
  return async (app) => {
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1024 },
    });

    app.post(
      '/v1/tickets/:id/attachments',
      {
        config: { access: 'reader' },
        schema: {
          tags: ['tickets'],
          summary: '上传证明材料 · Attach evidence',
          description:
            '上传证书的 PDF、JPEG 或 PNG 文件，不超过 20 MB。 The certificate as PDF, JPEG or PNG (recognised by content), at most 20 MB, as multipart field `file`. Requesters (an organisation that looked the number up) and technicians. Stored under the data directory by its SHA-256; the same file twice is kept once (200 instead of 201).',
          consumes: ['multipart/form-data'],
          params: ticketParamsSchema,
          response: {
            200: attachmentSchema,
            201: attachmentSchema,
            ...problemResponses(400, 401, 403, 404, 406, 409, 413, 415, 429),
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        evidence.assertMayAttach(id, request.principal);
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD) throw attachmentTooLarge(MAX_ATTACHMENT_MB);
        const part = await request.file();
        if (!part) throw attachmentMissing();
        const { attachment, created } = await evidence.attach(id, request.principal, {
          stream: part.file,
          fileName: part.filename,
          truncated: () => part.file.truncated,
        });
        const { ticketId: _ticketId, ...rest } = attachment;
        const href = attachmentHref(id, attachment.id);
        return reply
          .code(created ? 201 : 200)
          .header('location', href)
          .send({ ...rest, href });
      },
    );

    app.get(
      '/v1/tickets/:id/attachments/:attachmentId',
      {
        config: { access: 'technician' },
        schema: {
          tags: ['tickets'],
          summary: '下载证明材料 · Download evidence',
          description: '按上传时的原样返回文件。 The file as uploaded, with its recognised media type.',
          params: attachmentParamsSchema,
          response: {
            200: z
              .any()
              .describe('文件（application/pdf、image/jpeg 或 image/png）。 The file (application/pdf, image/jpeg or image/png).'),
            ...problemResponses(400, 401, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const { attachment, stream } = evidence.file(request.params.id, request.params.attachmentId);
        return reply
          .type(attachment.mediaType)
          .header('content-length', attachment.sizeBytes)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
          .send(stream);
      },
    );
  };
}
