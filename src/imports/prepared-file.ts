import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { makeTempDir } from '../shared/temp-files.ts';
import { type FileFacts, FileInspector } from './file-inspector.ts';
import { importTooLarge } from './imports.errors.ts';

/** Exactly one of these: a file already on disk, an upload stream, or bytes in memory. */
export type ImportInput = { path: string } | { stream: Readable } | { buffer: Buffer };

/** A file on disk with its facts: the hash is known before the run starts, and readers may open it twice. */
export interface PreparedFile extends FileFacts {
  path: string;
  /** Removes the spooled copy (never the caller's own file). */
  dispose(): Promise<void>;
}

const CHUNK = 1024 * 1024;

/**
 * Streams the input once: hashing, checking its encoding, and (for streams and buffers) writing it
 * to a temporary file. Uploads beyond `maxBytes` are refused without being kept.
 */
export async function prepareFile(input: ImportInput, maxBytes: number = Number.POSITIVE_INFINITY): Promise<PreparedFile> {
  const inspector = new FileInspector();
  if ('path' in input) {
    for await (const chunk of fs.createReadStream(input.path, { highWaterMark: CHUNK })) {
      inspector.add(chunk as Buffer);
      if (inspector.bytesSeen > maxBytes) throw importTooLarge(maxBytes);
    }
    return { ...inspector.finish(), path: input.path, dispose: async () => {} };
  }

  const { path: dir, dispose } = await makeTempDir('import');
  const spooled = path.join(dir, 'upload');
  try {
    const out = fs.createWriteStream(spooled);
    try {
      const chunks: AsyncIterable<Buffer> | Buffer[] = 'buffer' in input ? [input.buffer] : input.stream;
      for await (const chunk of chunks) {
        inspector.add(chunk);
        if (inspector.bytesSeen > maxBytes) throw importTooLarge(maxBytes);
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      out.end();
      await finished(out);
    }
    return { ...inspector.finish(), path: spooled, dispose };
  } catch (error) {
    if ('stream' in input) input.stream.destroy();
    await dispose();
    throw error;
  }
}
