import type { IsoDate } from '../src/shared/dates.ts';
import { dateBetween, dayNumber, maxDate, minDate, yearOf } from './demo-dates.ts';
import type { Rng } from './prng.ts';

/** The span in which a family's numbers were issued (docs/numbers.md §1). */
interface Era {
  from: IsoDate;
  to: IsoDate;
}

export const LEGACY2000_ERA: Era = { from: '2000-04-01', to: '2004-07-31' };
export const LEGACY2004_ERA: Era = { from: '2004-08-01', to: '2014-09-30' };
export const NEW_RULES_FROM: IsoDate = '2014-10-01';

export function currentEra(today: IsoDate): Era {
  return { from: NEW_RULES_FROM, to: today };
}

/** The days of `year` that fall in the era. */
function yearWindow(era: Era, year: number): Era {
  return { from: maxDate(`${year}-01-01`, era.from), to: minDate(`${year}-12-31`, era.to) };
}

/**
 * Years weighted by how much of each lies in the era and by `activity` (more approvals in some
 * years), so that 2014, with three months under the new rules, gets a quarter of a full year.
 */
export function yearWeights(era: Era, activity: (year: number) => number = () => 1): [number, number][] {
  const weights: [number, number][] = [];
  for (let year = yearOf(era.from); year <= yearOf(era.to); year++) {
    const window = yearWindow(era, year);
    weights.push([year, ((dayNumber(window.to) - dayNumber(window.from) + 1) / 365) * activity(year)]);
  }
  return weights;
}

/** Registrations and filings grew a little every year, with a bump in 2020–2021 (pandemic products). */
export function newRulesActivity(year: number): number {
  return (1 + 0.03 * (year - 2014)) * (year === 2020 || year === 2021 ? 1.2 : 1);
}

/**
 * A year for a new number and its serial: the drawn year if its bucket has room, else the nearest
 * year that has (later first). Null only when every year of the era is full.
 */
export function allocateInYears<T>(
  rng: Rng,
  weights: readonly [number, number][],
  allocate: (year: number) => T | null,
): { year: number; serial: T } | null {
  const preferred = rng.weighted(weights);
  const first = allocate(preferred);
  if (first !== null) return { year: preferred, serial: first };
  const years = weights.map(([year]) => year).sort((a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || b - a);
  for (const year of years) {
    const serial = allocate(year);
    if (serial !== null) return { year, serial };
  }
  return null;
}

export function dateInYear(rng: Rng, era: Era, year: number): IsoDate {
  const window = yearWindow(era, year);
  return dateBetween(rng, window.from, window.to);
}
