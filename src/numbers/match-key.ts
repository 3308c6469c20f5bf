import type { Form } from './number.types.ts';

/**
 * The match key of a legacy number: `legacy:` + authority + city + form + year + the 7 digits
 * after 第, e.g. `legacy:粤准20132210203`. It leaves out what docs/numbers.md §2 says must not tell
 * spellings apart: 食, 药监 vs 药管 (so a 2004-format and a 2000-format spelling of the same digits
 * collide on purpose), brackets, 第 and 号. Registration and filing numbers match on their
 * canonical form.
 */
export function legacyMatchKey(authority: string, city: string, form: Form, year: string, tail: string): string {
  return `legacy:${authority}${city}${form}${year}${tail}`;
}
