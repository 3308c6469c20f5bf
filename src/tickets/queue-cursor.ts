import { z } from 'zod';
import { cursorCodec, invalidCursor } from '../shared/cursor.ts';

/** Where the previous page ended: the sort key and id of its last ticket. */
const queuePositionSchema = z.discriminatedUnion('sort', [
  z.object({ sort: z.literal('demand'), key: z.int().nonnegative(), id: z.int().positive() }),
  z.object({ sort: z.literal('age'), key: z.string().max(40), id: z.int().positive() }),
]);

export type QueuePosition = z.output<typeof queuePositionSchema>;
export type QueueSort = QueuePosition['sort'];

const codec = cursorCodec('tickets', queuePositionSchema);

export const encodeCursor = codec.encode;

/** Reads a cursor made by `encodeCursor` for the same sort: a cursor of the other sort is a 400 too. */
export function decodeCursor(cursor: string, sort: QueueSort): QueuePosition {
  const position = codec.decode(cursor);
  if (position.sort !== sort) throw invalidCursor();
  return position;
}
