import { invalidCursor } from './changes.errors.ts';

const PREFIX = 'c1.';

/**
 * The change feed's cursor: opaque to clients (they pass back what they were given), the last
 * change id inside. The version prefix lets the encoding change without breaking stored cursors.
 */
export function encodeChangeCursor(lastId: number): string {
  return PREFIX + Buffer.from(String(lastId), 'utf8').toString('base64url');
}

/** The last id a cursor stands for; throws `invalid_cursor` for anything certref did not issue. */
export function decodeChangeCursor(cursor: string): number {
  if (!cursor.startsWith(PREFIX)) throw invalidCursor(cursor);
  const text = Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) throw invalidCursor(cursor);
  const id = Number(text);
  if (!Number.isSafeInteger(id)) throw invalidCursor(cursor);
  return id;
}
