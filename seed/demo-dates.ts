import type { IsoDate } from '../src/shared/dates.ts';
import type { Rng } from './prng.ts';

/**
 * Date arithmetic the histories need, on ISO strings (they compare as text). Done with integer
 * day numbers rather than Date objects: a million certificates make tens of millions of these
 * calls, and Date parsing and formatting was most of the generator's time.
 */

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const formatted = new Map<number, IsoDate>();

/** The ISO date of a day number (civil_from_days), cached: the demo spans a few thousand days. */
export function fromDayNumber(day: number): IsoDate {
  const cached = formatted.get(day);
  if (cached) return cached;
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  formatted.set(day, text);
  return text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The last day of a validity that starts on `start` and lasts `years`: the same calendar day
 * `years` later, minus one (a certificate approved 2019-03-15 for 5 years ends 2024-03-14;
 * one starting on 29 February ends on 28 February).
 */
export function validityEnd(start: IsoDate, years: number): IsoDate {
  // `2021-02-29` counts as 1 March (day numbers roll over like Date.UTC), so the day before is the 28th.
  return addDays(`${Number(start.slice(0, 4)) + years}${start.slice(4)}`, -1);
}

/** A day in [from, to], both included. */
export function dateBetween(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  return fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
