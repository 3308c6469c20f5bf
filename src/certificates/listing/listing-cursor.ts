import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cursorCodec, invalidCursor } from '../../shared/cursor.ts';
import type { ListingQuery } from './listing.schemas.ts';

/**
 * Where a walk stands: the change-log high-water mark its first page read (`h`), when that was
 * (`at`), the last match key shown (`k`), and a fingerprint of its filters (`f`).
 */
const listingPositionSchema = z.object({
  h: z.int().nonnegative(),
  at: z.iso.datetime(),
  k: z.string().max(100),
  f: z.string().max(20),
});

export type ListingPosition = z.output<typeof listingPositionSchema>;

const codec = cursorCodec('certificates', listingPositionSchema);

/** The filters a walk was begun with, as a short hash: a cursor continues only the walk it came from. */
export function filtersFingerprint(filters: Pick<ListingQuery, 'authority' | 'updatedSince'>): string {
  return createHash('sha256')
    .update(JSON.stringify([filters.authority ?? null, filters.updatedSince ?? null]))
    .digest('base64url')
    .slice(0, 12);
}

export function encodeListingCursor(position: ListingPosition): string {
  return codec.encode(position);
}

/** The position a cursor stands for; `invalid_cursor` when it is not one, or was issued for other filters. */
export function decodeListingCursor(cursor: string, fingerprint: string): ListingPosition {
  const position = codec.decode(cursor);
  if (position.f !== fingerprint) throw invalidCursor('other_query');
  return position;
}
