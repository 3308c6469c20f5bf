import { createHash } from 'node:crypto';
import { searchCursorInvalid } from './search.errors.ts';
import type { SearchEngineName } from './search.port.ts';
import type { SearchFilters } from './search.types.ts';

/**
 * Where the next page starts: how many exact-number hits were shown, and the engine's own cursor
 * after them. Opaque to clients (base64url JSON), and bound to the query and filters it came from.
 */
export interface SearchCursor {
  pinnedShown: number;
  engine: SearchEngineName;
  engineCursor: string | null;
}

interface WireCursor {
  v: 1;
  /** Fingerprint of the folded query and filters. */
  f: string;
  p: number;
  e: SearchEngineName;
  c: string | null;
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
  const wire: WireCursor = { v: 1, f: fingerprint, p: cursor.pinnedShown, e: cursor.engine, c: cursor.engineCursor };
  return Buffer.from(JSON.stringify(wire)).toString('base64url');
}

export function decodeSearchCursor(text: string, fingerprint: string): SearchCursor {
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw searchCursorInvalid('malformed');
  }
  if (!isWireCursor(wire)) throw searchCursorInvalid('malformed');
  if (wire.f !== fingerprint) throw searchCursorInvalid('other_query');
  return { pinnedShown: wire.p, engine: wire.e, engineCursor: wire.c };
}

function isWireCursor(value: unknown): value is WireCursor {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as Record<string, unknown>;
  return (
    w.v === 1 &&
    typeof w.f === 'string' &&
    typeof w.p === 'number' &&
    Number.isInteger(w.p) &&
    w.p >= 0 &&
    (w.e === 'embedded' || w.e === 'meilisearch') &&
    (w.c === null || (typeof w.c === 'string' && w.c.length <= 200))
  );
}
