import { z } from 'zod';
import { cursorCodec, invalidCursor } from '../shared/cursor.ts';

/** The change feed's position: the id of the last change a mirror has read (0 before the first). */
const codec = cursorCodec('changes', z.object({ after: z.int().nonnegative() }));

/** The feed's first encoding, `c1.` and the id in base64url; mirrors keep cursors between runs. */
const LEGACY_PREFIX = 'c1.';

export function encodeChangeCursor(lastId: number): string {
  return codec.encode({ after: lastId });
}

/** The last id a cursor stands for; `invalid_cursor` for anything certref did not issue. */
export function decodeChangeCursor(cursor: string): number {
  return cursor.startsWith(LEGACY_PREFIX) ? decodeLegacy(cursor.slice(LEGACY_PREFIX.length)) : codec.decode(cursor).after;
}

/** A mirror that stored a cursor before the shared encoding continues where it was, not from the start. */
function decodeLegacy(encoded: string): number {
  const text = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) throw invalidCursor();
  const id = Number(text);
  if (!Number.isSafeInteger(id)) throw invalidCursor();
  return id;
}
