import type { Skeleton } from './parse/candidate.ts';

/**
 * The canonical form of a number's parts (NUMBERS.md §2): registrations and filings without 号
 * or spaces; legacy numbers in their standard display with half-width brackets, 第 and a final 号.
 * Also renders edited skeletons for suggestions, so it never checks validity.
 */
export function renderCanonical(sk: Skeleton): string {
  switch (sk.kind) {
    case 'registration':
      return sk.authority + '械注' + (sk.form ?? '') + sk.digits;
    case 'filing':
      return sk.authority + sk.city + '械备' + sk.digits;
    case 'legacy2004':
    case 'legacy2000':
      return (
        sk.authority +
        sk.city +
        (sk.shi ? '食' : '') +
        (sk.kind === 'legacy2004' ? '药监械(' : '药管械(') +
        (sk.form ?? '') +
        ')字' +
        sk.head +
        '第' +
        sk.digits +
        '号'
      );
    case 'other_licence':
      return '';
  }
}
