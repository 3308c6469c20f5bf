import type { ManagementClass } from '../../src/numbers/number.types.ts';
import type { IsoDate } from '../../src/shared/dates.ts';
import type { Rng } from '../prng.ts';
import type { ProductKind } from './product-kind.ts';
import { DEVICE_KINDS } from './products-devices.ts';
import { IVD_KINDS } from './products-ivd.ts';

/** The catalogue in force from 2018-08-01 (docs/numbers.md §1). */
export const CATALOGUE_2017_FROM: IsoDate = '2018-08-01';

const ALL_KINDS: readonly ProductKind[] = [...DEVICE_KINDS, ...IVD_KINDS];

const BY_CLASS: ReadonlyMap<ManagementClass, readonly ProductKind[]> = new Map(
  ([1, 2, 3] as const).map((c) => [c, ALL_KINDS.filter((k) => k.classes.includes(c))]),
);

/** A kind of product that can be approved in `managementClass` on `date`. */
export function pickKind(rng: Rng, managementClass: ManagementClass, date: IsoDate): ProductKind {
  const kinds = BY_CLASS.get(managementClass) ?? [];
  // Few kinds have a start date, so retrying is cheaper than filtering on every call.
  for (;;) {
    const kind = rng.pick(kinds);
    if (!kind.since || kind.since <= date) return kind;
  }
}

/** The two digits the number carries for this kind, by the catalogue in force on `date`. */
export function catalogueCode(kind: ProductKind, date: IsoDate): string {
  return date >= CATALOGUE_2017_FROM ? kind.code2017 : kind.code2002;
}

/** Another name for the same product, for a 变更注册 that renames it; null when there is none. */
export function otherName(rng: Rng, kind: ProductKind, current: string): string | null {
  const others = kind.names.filter((n) => n !== current);
  return others.length > 0 ? rng.pick(others) : null;
}
