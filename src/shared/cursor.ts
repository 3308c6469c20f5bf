import { z } from 'zod';
import { defineError } from './app-error.ts';

/**
 * Why a cursor was refused. `malformed` covers anything certref did not issue for this route:
 * garbage, another route's cursor, an older encoding. Search adds two ways a genuine cursor stops
 * fitting: another query, or an engine that can no longer continue it.
 */
export type InvalidCursorReason = 'malformed' | 'other_query' | 'other_engine';

const TEXT: Record<InvalidCursorReason, { zh: string; en: string }> = {
  malformed: {
    zh: '分页游标无效：请使用上一页返回的 nextCursor，或从第一页重新开始。',
    en: 'The page cursor is invalid: pass the nextCursor of the previous page, or start again from the first page.',
  },
  other_query: {
    zh: '分页游标属于另一个搜索条件，请从第一页重新开始。',
    en: 'The cursor belongs to another query or other filters; start again from the first page.',
  },
  other_engine: {
    zh: '分页游标来自暂时无法访问的搜索引擎，请从第一页重新开始。',
    en: 'The cursor came from a search engine that cannot be reached now; start again from the first page.',
  },
};

/** The one error for a cursor any paged route cannot use: 400, never a 500. */
export const invalidCursor = defineError(400, 'invalid_cursor', (reason: InvalidCursorReason = 'malformed') => ({
  text: TEXT[reason],
  extra: { reason },
}));

/** Bumped when the envelope changes; a cursor of another version is refused as `malformed`. */
const CURSOR_VERSION = 1;
/** Longer than any cursor certref issues; checked before decoding anything. */
const MAX_CURSOR_LENGTH = 500;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface CursorCodec<Position> {
  encode(position: Position): string;
  /** The position a cursor stands for; `invalid_cursor` for anything this codec did not issue. */
  decode(cursor: string): Position;
}

/**
 * A paged route's cursor: opaque to clients (base64url of `[version, kind, position]`), so the
 * encoding can change without clients noticing. The kind tag keeps one route's cursor from being
 * read by another, and the route's schema validates the position, so a forged cursor is a 400.
 */
export function cursorCodec<Schema extends z.ZodType>(kind: string, schema: Schema): CursorCodec<z.output<Schema>> {
  const envelope = z.tuple([z.literal(CURSOR_VERSION), z.literal(kind), schema]);
  return {
    encode: (position) => Buffer.from(JSON.stringify([CURSOR_VERSION, kind, position])).toString('base64url'),
    decode: (cursor) => {
      if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw invalidCursor();
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      const result = envelope.safeParse(parsed);
      if (!result.success) throw invalidCursor();
      return result.data[2] as z.output<Schema>;
    },
  };
}
