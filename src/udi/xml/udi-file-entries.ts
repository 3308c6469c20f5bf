import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { makeTempDir } from '../../shared/temp-files.ts';

/** One XML document to read: a plain file, or an entry of a (possibly nested) ZIP. */
interface XmlEntry {
  /** `file.zip!UDID_FULL_DOWNLOAD_PART1.xml` for entries, the file name otherwise. */
  name: string;
  stream: Readable;
}

/** NMPA ZIPs sometimes hold ZIPs (the full release: one per part); deeper than this is not UDI. */
const MAX_ZIP_DEPTH = 3;
const READ_CHUNK = 1 << 20;

/** True for the files the UDI importer reads: ZIP archives and XML documents. */
export function isUdiFileName(name: string): boolean {
  return /\.(zip|xml)$/i.test(name);
}

/**
 * Every XML document in a path, in name order (PART1 before PART2 …; daily files by date), each
 * streamed: ZIPs are read entry by entry with yauzl, never unpacked into memory. The caller must
 * consume each entry's stream before asking for the next.
 */
export async function* xmlEntries(file: string): AsyncGenerator<XmlEntry> {
  const stat = await fs.promises.stat(file);
  if (stat.isDirectory()) {
    const names = (await fs.promises.readdir(file)).filter(isUdiFileName).sort(byPartNumber);
    for (const name of names) yield* xmlEntries(path.join(file, name));
    return;
  }
  if (await isZip(file)) {
    yield* zipEntries(file, path.basename(file), 0);
    return;
  }
  yield { name: path.basename(file), stream: fs.createReadStream(file, { highWaterMark: READ_CHUNK }) };
}

async function* zipEntries(file: string, displayName: string, depth: number): AsyncGenerator<XmlEntry> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  try {
    const entries: yauzl.Entry[] = [];
    // The central directory is small (one record per entry); sorting needs all names first.
    for await (const entry of zip.eachEntry()) entries.push(entry);
    entries.sort((a, b) => byPartNumber(a.fileName, b.fileName));
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const name = `${displayName}!${entry.fileName}`;
      if (/\.xml$/i.test(entry.fileName)) {
        yield { name, stream: await zip.openReadStreamPromise(entry) };
      } else if (/\.zip$/i.test(entry.fileName)) {
        if (depth + 1 >= MAX_ZIP_DEPTH) throw new Error(`${name}: ZIP archives nested deeper than ${MAX_ZIP_DEPTH} levels`);
        // yauzl needs random access, so an inner ZIP goes to a temporary file, not to memory.
        const dir = await makeTempDir('udi');
        try {
          const inner = path.join(dir.path, 'inner.zip');
          await pipeline(await zip.openReadStreamPromise(entry), fs.createWriteStream(inner));
          yield* zipEntries(inner, name, depth + 1);
        } finally {
          await dir.dispose();
        }
      }
    }
  } finally {
    zip.close();
  }
}

async function isZip(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/**
 * Part order first (`PART2` before `PART10`, wherever the part sits in the archive), then names
 * with their digit runs compared as numbers (daily files by date).
 */
export function byPartNumber(a: string, b: string): number {
  const part = (name: string) => Number(/PART(\d+)/i.exec(name)?.[1] ?? 0);
  return part(a) - part(b) || a.localeCompare(b, 'en', { numeric: true });
}
