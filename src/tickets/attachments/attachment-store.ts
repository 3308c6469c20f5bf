import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { attachmentTooLarge, attachmentTypeNotAllowed } from '../tickets.errors.ts';
import { type EvidenceKind, SIGNATURE_LENGTH, sniffEvidence } from './file-signature.ts';

/** The FAQ's limit: uploads over 20 MB failed with a generic error; here they get a clear one. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export interface StoredFile extends EvidenceKind {
  sha256: string;
  sizeBytes: number;
}

/**
 * Evidence files under ATTACHMENTS_DIR, named by their sha256 (`ab/abcdef….pdf`), so the same file
 * uploaded twice is stored once. A file is written to a temporary name while it is hashed and
 * checked, and moved into place only when it is within the limit and of an accepted kind.
 */
export class AttachmentStore {
  constructor(readonly directory: string) {}

  /** `truncated` tells whether the upload went over the limit (the multipart parser stops at it). */
  async save(stream: Readable, truncated: () => boolean): Promise<StoredFile> {
    const temporary = path.join(this.directory, 'tmp', randomUUID());
    await fs.promises.mkdir(path.dirname(temporary), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        if (head.length < SIGNATURE_LENGTH) head = Buffer.concat([head, chunk.subarray(0, SIGNATURE_LENGTH - head.length)]);
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, inspect, fs.createWriteStream(temporary));
      if (truncated() || size > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(MAX_ATTACHMENT_MB);
      const kind = sniffEvidence(head);
      if (!kind) throw attachmentTypeNotAllowed();
      const sha256 = hash.digest('hex');
      const final = this.pathOf(sha256, kind.extension);
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      await fs.promises.rename(temporary, final);
      return { ...kind, sha256, sizeBytes: size };
    } finally {
      await fs.promises.rm(temporary, { force: true });
    }
  }

  pathOf(sha256: string, extension: string): string {
    return path.join(this.directory, sha256.slice(0, 2), `${sha256}.${extension}`);
  }

  open(sha256: string, extension: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256, extension));
  }
}
