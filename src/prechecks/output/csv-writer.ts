import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { TextEncoding } from '../../imports/file-format.ts';
import { type Cell, cellText } from '../../imports/rows/cells.ts';
import type { CorrectedRow, CorrectedWriter } from './corrected-writer.ts';

const BOMS: Record<TextEncoding, Buffer> = {
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
  gb18030: Buffer.alloc(0),
};
/** Rows are encoded and written in slices of about this many characters, not one write per row. */
const FLUSH_CHARS = 256 * 1024;

/**
 * Writes CSV in the template's own encoding, byte order mark and delimiter, so that the system
 * that takes the GBK file takes the corrected one. Lines end in CRLF, as Excel writes them.
 */
export function csvWriter(path: string, layout: { encoding: TextEncoding; bom: boolean; delimiter: string }): CorrectedWriter {
  const out = fs.createWriteStream(path);
  const encode = (text: string): Buffer => (layout.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, layout.encoding));
  const needsQuotes = new RegExp(`["\\r\\n${layout.delimiter === '\t' ? '\\t' : layout.delimiter}]`);
  let pending = '';
  let failure: Error | null = null;
  out.on('error', (error) => {
    failure = error;
  });
  if (layout.bom) out.write(BOMS[layout.encoding]);

  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    if (pending === '') return;
    const chunk = encode(pending);
    pending = '';
    if (!out.write(chunk)) await once(out, 'drain');
  };

  return {
    write({ cells }: CorrectedRow) {
      let line = '';
      for (let i = 0; i < cells.length; i++) {
        if (i > 0) line += layout.delimiter;
        line += field(cells[i] ?? null, needsQuotes);
      }
      pending += `${line}\r\n`;
      return pending.length >= FLUSH_CHARS ? flush() : undefined;
    },
    async finish() {
      await flush();
      out.end();
      await finished(out);
    },
  };
}

function field(cell: Cell, needsQuotes: RegExp): string {
  // CSV cells arrive as text, untrimmed: an unchanged cell is written back exactly as it was.
  const text = typeof cell === 'string' ? cell : cellText(cell);
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
