import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface FileDigest {
  sha256: string;
  size: number;
}

/** SHA-256 and size of a file, read as a stream: bundles run to gigabytes. */
export async function digestOf(file: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
