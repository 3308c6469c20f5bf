import type { Form } from './number.types.ts';
import type { Skeleton } from './parse/candidate.ts';
import { FORMS } from './parse/form.ts';
import { AUTHORITIES } from './reference/authorities.ts';

// Every registration prefix (`粤械注准`) built once, by form then authority; the hot path only
// appends the digits.
const REGISTRATION_PREFIXES = new Map<Form, Map<string, string>>(
  FORMS.map((form) => [form, new Map(AUTHORITIES.map(({ abbr }) => [abbr, `${abbr}械注${form}`]))]),
);

function registrationPrefix(authority: string, form: Form | null): string {
  const known = form === null ? undefined : REGISTRATION_PREFIXES.get(form)?.get(authority);
  return known ?? `${authority}械注${form ?? ''}`;
}

/**
 * The canonical form of a number's parts (docs/numbers.md §2): registrations and filings without 号
 * or spaces; legacy numbers in their standard display with half-width brackets, 第 and a final 号.
 * Also renders edited skeletons for suggestions, so it never checks validity.
 */
export function renderCanonical(sk: Skeleton): string {
  switch (sk.kind) {
    case 'registration':
      return registrationPrefix(sk.authority, sk.form) + sk.digits;
    case 'filing':
      return `${sk.authority + sk.city}械备${sk.digits}`;
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
