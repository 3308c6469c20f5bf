import { isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';

/** What one pass over a file's bytes learns, so that no later step needs a second pass. */
export interface FileFacts {
  sha256: string;
  size: number;
  /** The first bytes, for recognising the format and the encoding. */
  head: Buffer;
  /** Every byte sequence is valid UTF-8 (decided over the whole file, not a sample). */
  validUtf8: boolean;
  /** Count of `"` bytes: odd means a quote is never closed (only meaningful for UTF-8/GB18030 text). */
  quoteCount: number;
}

const HEAD_BYTES = 64 * 1024;
const QUOTE = 0x22;

/** Accumulates facts chunk by chunk while the bytes stream past (to disk, or from it). */
export class FileInspector {
  private readonly hash: Hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private size = 0;
  private quotes = 0;
  private utf8 = true;
  /** The incomplete UTF-8 sequence at the end of the previous chunk. */
  private carry: Buffer = Buffer.alloc(0);

  get bytesSeen(): number {
    return this.size;
  }

  add(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    for (let at = chunk.indexOf(QUOTE); at !== -1; at = chunk.indexOf(QUOTE, at + 1)) this.quotes++;
    if (this.utf8) this.checkUtf8(chunk);
  }

  finish(): FileFacts {
    if (this.carry.length > 0) this.utf8 = false;
    return {
      sha256: this.hash.digest('hex'),
      size: this.size,
      head: Buffer.concat(this.headChunks),
      validUtf8: this.utf8,
      quoteCount: this.quotes,
    };
  }

  private checkUtf8(chunk: Buffer): void {
    const joined = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = completeUtf8End(joined);
    this.carry = Buffer.from(joined.subarray(end));
    if (!isUtf8(joined.subarray(0, end))) this.utf8 = false;
  }
}

/** Where the last complete UTF-8 sequence ends, so a character split across chunks is not misjudged. */
function completeUtf8End(buffer: Buffer): number {
  let i = buffer.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && ((buffer[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buffer.length;
  const lead = buffer[i] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buffer.length - i < length ? i : buffer.length;
}
