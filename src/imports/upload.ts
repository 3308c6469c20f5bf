import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { importTooLarge, multipleFiles, noFileUploaded } from './imports.errors.ts';

/** Content types accepted as a raw request body (the whole body is the file). */
export const RAW_IMPORT_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/csv',
  'application/x-ndjson',
  'application/jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

interface Upload {
  stream: Readable;
  fileName: string;
  contentType: string | undefined;
  /**
   * Reads what follows the file once it is on disk, before anything is imported: a second file
   * (or too many fields) refuses the whole request, so nobody wonders which file was imported.
   */
  rest: () => Promise<void>;
}

const DEFAULT_NAMES: Record<string, string> = {
  'application/x-ndjson': 'upload.jsonl',
  'application/jsonl': 'upload.jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'upload.xlsx',
};

/**
 * The uploaded file as a stream, from a multipart form (field `file`) or a raw body. Nothing is
 * buffered here: the importer spools the stream to disk while hashing it.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number, fileName?: string): Promise<Upload> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw importTooLarge(maxBytes);

  if (request.isMultipart()) {
    const parts = request.parts();
    // Form fields may come before the file; they are not used.
    let next = await parts.next();
    while (!next.done && next.value.type !== 'file') next = await parts.next();
    if (next.done || next.value.type !== 'file') throw noFileUploaded();
    const part = next.value;
    const rest = async () => {
      for (let after = await parts.next(); !after.done; after = await parts.next()) {
        if (after.value.type === 'file') throw multipleFiles();
      }
    };
    // Only a label (provenance sourceRef), never a path; kept to a sane length.
    return { stream: part.file, fileName: (fileName ?? part.filename).slice(0, 255) || 'upload', contentType: part.mimetype, rest };
  }
  if (!(request.body instanceof Readable)) throw noFileUploaded();
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return {
    stream: request.body,
    fileName: fileName ?? DEFAULT_NAMES[contentType ?? ''] ?? 'upload.csv',
    contentType,
    rest: async () => {},
  };
}
