import { invalidCursor } from './tickets.errors.ts';

export type QueueSort = 'demand' | 'age';

/** Where the previous page ended: the sort key and id of its last ticket. */
export interface QueuePosition {
  sort: QueueSort;
  key: number | string;
  id: number;
}

export function encodeCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.key, position.id])).toString('base64url');
}

/** Reads a cursor made by `encodeCursor` for the same sort; anything else is a 400. */
export function decodeCursor(cursor: string, sort: QueueSort): QueuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor();
  const [cursorSort, key, id] = parsed as unknown[];
  const keyFits = sort === 'demand' ? Number.isInteger(key) : typeof key === 'string';
  if (cursorSort !== sort || !keyFits || !Number.isInteger(id)) throw invalidCursor();
  return { sort, key: key as number | string, id: id as number };
}
