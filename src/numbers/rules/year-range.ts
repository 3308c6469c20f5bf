import type { Family } from '../number.types.ts';

/** The years a number of each family may carry (NUMBERS.md §1), inclusive. */
export function yearRange(family: Family, currentYear: number): readonly [number, number] {
  switch (family) {
    case 'registration':
    case 'filing':
      return [2014, currentYear];
    case 'legacy2004':
      return [2004, 2014];
    case 'legacy2000':
      return [2000, 2004];
  }
}

/** The year a number's digits carry: the first four digits, or a legacy number's head. */
export function yearDigitsOf(kind: Family, head: string, digits: string): string {
  return kind === 'legacy2004' || kind === 'legacy2000' ? head : digits.slice(0, 4);
}
