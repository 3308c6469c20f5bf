import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cursorCodec, invalidCursor } from '../shared/cursor.ts';
import { SEARCH_ENGINE_NAMES, type SearchEngineName } from './search.port.ts';
import type { SearchFilters } from './search.types.ts';

/**
 * Where the next page starts: how many exact-number hits were shown, and the engine that issued
 * the cursor with its own cursor after them. Bound (`f`) to the query and filters it came from.
 */
const searchPositionSchema = z.object({
  /** Fingerprint of the folded query and filters. */
  f: z.string().max(20),
  p: z.int().nonnegative(),
  e: z.enum(SEARCH_ENGINE_NAMES),
  c: z.string().max(200).nullable(),
});

const codec = cursorCodec('search', searchPositionSchema);

export interface SearchCursor {
  pinnedShown: number;
  engine: SearchEngineName;
  engineCursor: string | null;
}

export function queryFingerprint(foldedQuery: string, filters: SearchFilters): string {
  const filterText = JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return createHash('sha256').update(foldedQuery).update('\n').update(filterText).digest('base64url').slice(0, 12);
}

export function encodeSearchCursor(cursor: SearchCursor, fingerprint: string): string {
  return codec.encode({ f: fingerprint, p: cursor.pinnedShown, e: cursor.engine, c: cursor.engineCursor });
}

export function decodeSearchCursor(text: string, fingerprint: string): SearchCursor {
  const position = codec.decode(text);
  if (position.f !== fingerprint) throw invalidCursor('other_query');
  return { pinnedShown: position.p, engine: position.e, engineCursor: position.c };
}
