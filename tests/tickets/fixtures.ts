import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/auth/roles.ts';
import type { Services } from '../../src/services.ts';

/** A well-formed Guangdong number that no test stores. */
export const MISSING_GD = '粤械注准20232070123';

export interface Keys {
  reader: string;
  technician: string;
  technician2: string;
  admin: string;
}

/** Real keys through the real repository, one per role (and a second technician). */
export function createKeys(services: Services): Keys {
  const make = (name: string, role: Role, organisation?: string) =>
    services.apiKeys.create({ name, role, organisation: organisation ?? null }, 'test').key;
  return {
    reader: make('广州某医疗器械有限公司', 'reader'),
    technician: make('技术员张三', 'technician', '广东省药监局'),
    technician2: make('技术员李四', 'technician', '广东省药监局'),
    admin: make('管理员', 'admin'),
  };
}

export const bearer = (key: string | undefined): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {});

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small but real PDF (one empty page). */
export function pdfBytes(note = 'certref test'): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    `% ${note}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** A multipart/form-data body with one file field, built by hand so inject can send it. */
export function multipart(
  file: Buffer,
  fileName: string,
  contentType = 'application/octet-stream',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----certref${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function missLookup(
  app: FastifyInstance,
  number = MISSING_GD,
  key?: string,
  query = '',
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of many shapes; the assertions check them.
): Promise<{ status: number; body: Record<string, any> }> {
  const response = await app.inject({
    method: 'GET',
    url: `/v1/autofill?number=${encodeURIComponent(number)}${query}`,
    headers: bearer(key),
  });
  return { status: response.statusCode, body: response.json() };
}

/** A valid resolve form for MISSING_GD. */
export const RESOLVE_FORM = {
  number: '粤械注准 20232070123',
  productName: '医用电子体温计',
  holder: '广州某医疗器械有限公司',
  approvalDate: '2023年3月15日',
  expiryDate: '2028-03-14',
  modelSpec: 'MT-101, MT-102',
};
