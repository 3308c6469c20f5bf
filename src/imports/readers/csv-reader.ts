import { pipeline, type Readable } from 'node:stream';
import type { TextEncoding } from '../file-format.ts';
import type { GridRow } from '../rows/cells.ts';
import { CsvParser } from './csv-parser.ts';
import { decoder, firstLine } from './text-stream.ts';

/** Excel writes commas; "Unicode text" exports use tabs; some European locales semicolons. */
export function detectDelimiter(head: Buffer, encoding: TextEncoding): string {
  const line = firstLine(head, encoding);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';']) {
    const count = line.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/**
 * Streams CSV records as sheet rows. Row numbers count records, as Excel shows them: a quoted cell
 * spanning lines is still one row, and blank lines keep their number.
 */
export async function* readCsv(raw: Readable, encoding: TextEncoding, delimiter: string): AsyncGenerator<GridRow> {
  // pipeline, not pipe: a read or decode error must end the loop below instead of leaving it waiting.
  const text = pipeline(raw, decoder(encoding), () => {}) as AsyncIterable<string>;
  const parser = new CsvParser(delimiter);
  const records: string[][] = [];
  let row = 0;
  for await (const chunk of text) {
    parser.push(chunk, records);
    for (const cells of records) yield { row: ++row, cells };
    records.length = 0;
  }
  parser.end(records);
  for (const cells of records) yield { row: ++row, cells };
}
