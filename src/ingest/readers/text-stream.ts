import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from '../file-format.ts';

/** Decodes raw bytes to text, dropping a byte order mark whatever the encoding. */
export function decoder(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding, { stripBOM: true });
}

/** The first line of the file's head, decoded: enough to tell the delimiter. */
export function firstLine(head: Buffer, encoding: TextEncoding): string {
  return iconv.decode(head, encoding, { stripBOM: true }).split(/\r?\n/, 1)[0] ?? '';
}

/** Counts bytes as a reader pulls them, for a progress bar that knows the file size. */
export function countBytes(raw: Readable, onBytes: (bytes: number) => void): Readable {
  raw.on('data', (chunk: Buffer) => onBytes(chunk.length));
  return raw;
}
