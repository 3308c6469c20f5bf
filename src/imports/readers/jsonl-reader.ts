import { pipeline, type Readable } from 'node:stream';
import type { TextEncoding } from '../file-format.ts';
import type { Cell } from '../rows/cells.ts';
import { decoder } from './text-stream.ts';

export type JsonLine = { row: number; record: Record<string, Cell> } | { row: number; error: string };

/** Streams JSON Lines objects numbered by line; a bad line is reported, not fatal. Blank lines are skipped. */
export async function* readJsonl(raw: Readable, encoding: TextEncoding): AsyncGenerator<JsonLine> {
  // pipeline, so that a read error ends the loop below instead of leaving it waiting.
  const text = pipeline(raw, decoder(encoding), () => {}) as AsyncIterable<string>;
  let row = 0;
  let rest = '';
  for await (const chunk of text) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      row++;
      if (line.trim() !== '') yield parseLine(row, line);
    }
  }
  if (rest.trim() !== '') yield parseLine(row + 1, rest);
}

function parseLine(row: number, line: string): JsonLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { row, error: error instanceof Error ? error.message : 'invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { row, error: 'not an object' };
  const record: Record<string, Cell> = {};
  for (const [key, field] of Object.entries(value)) record[key] = toCell(field);
  return { row, record };
}

function toCell(value: unknown): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Several previous numbers may come as a list.
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('，');
  return JSON.stringify(value);
}
