import type { CatalogueReading, Family } from './number.types.ts';
import { CATALOGUE_2002 } from './reference/catalogue-2002.ts';
import { CATALOGUE_2017, IVD_CODE, IVD_NAME } from './reference/catalogue-2017.ts';

// Indexed by the two-digit code's value; the readings are shared, so they are frozen.
const READING_2002: (CatalogueReading | undefined)[] = new Array(100);
const READING_2017: (CatalogueReading | undefined)[] = new Array(100);
for (const e of CATALOGUE_2002) {
  READING_2002[Number(e.code2)] = Object.freeze({ catalogue: '2002', code: e.code4, name: e.name });
}
for (const e of CATALOGUE_2017) {
  READING_2017[Number(e.code)] = Object.freeze({ catalogue: '2017', code: e.code, name: e.name });
}
READING_2017[Number(IVD_CODE)] = Object.freeze({ catalogue: '2017', code: IVD_CODE, name: IVD_NAME });

/** Numbers first registered from this year on use only the 2017 catalogue (in force 2018-08-01). */
const FIRST_2017_ONLY_YEAR = 2019;
/** Before this year only the 2002 catalogue applied. */
const FIRST_AMBIGUOUS_YEAR = 2014;

/**
 * What the two-digit classification code means (docs/numbers.md §1). 2014–2018 registrations are
 * ambiguous, because the 2017 catalogue took effect on 2018-08-01 and renewals may re-code, so
 * both readings are listed where the code exists in both. Legacy numbers predate the 2017
 * catalogue. An empty list means the code is in neither list that applies.
 */
export function catalogueReadings(family: Family, year: number, code: string): CatalogueReading[] {
  const value = (code.charCodeAt(0) - 48) * 10 + (code.charCodeAt(1) - 48);
  const old = family === 'registration' && year >= FIRST_2017_ONLY_YEAR ? undefined : READING_2002[value];
  const recent = family !== 'registration' || year < FIRST_AMBIGUOUS_YEAR ? undefined : READING_2017[value];
  if (old === undefined) return recent === undefined ? [] : [recent];
  return recent === undefined ? [old] : [old, recent];
}
