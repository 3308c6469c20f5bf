import { authorityByCode, NATIONAL_CODE } from '../reference/authorities.ts';
import { isCjk } from '../text/char-codes.ts';
import type { Candidate } from './candidate.ts';
import { prevNonSpace } from './cursor.ts';

/**
 * Reads the authority typed before the keyword that starts at `keywordStart` (械 of a registration
 * or filing, 食/药 of a legacy number), never reaching back past `floor`, the end of the previous
 * number. Looks at two characters at most: the one before the keyword and the one before that.
 *
 * Filings and legacy numbers may carry a city after the province (`粤穗`, `鲁青`, `苏苏`), so a
 * province followed by any ideograph reads as province + city. Registrations carry no city: the
 * character before 械 is the authority, and a province before an unknown character is kept as
 * authority + city only so that the rules can reject it and suggestions can drop the extra
 * character.
 */
export function readAuthority(text: string, keywordStart: number, floor: number, citiesAllowed: boolean, cand: Candidate): void {
  const p1 = prevNonSpace(text, keywordStart - 1, floor);
  const code1 = p1 < 0 ? -1 : text.charCodeAt(p1);
  if (p1 < 0 || !isCjk(code1)) {
    cand.authorityStatus = 'missing';
    return;
  }
  const p0 = prevNonSpace(text, p1 - 1, floor);
  const code0 = p0 < 0 ? -1 : text.charCodeAt(p0);
  const a1 = authorityByCode(code1);
  const a0 = p0 < 0 ? undefined : authorityByCode(code0);
  const a0IsProvince = a0 !== undefined && code0 !== NATIONAL_CODE;
  if (citiesAllowed && a0IsProvince && code1 !== NATIONAL_CODE) {
    setAuthority(cand, a0.abbr, text[p1]!, p0);
  } else if (a1 !== undefined) {
    setAuthority(cand, a1.abbr, '', p1);
  } else if (a0 !== undefined && !citiesAllowed) {
    setAuthority(cand, a0.abbr, text[p1]!, p0);
  } else {
    cand.authorityStatus = 'unknown';
    cand.authority = text[p1]!;
    cand.start = p1;
    if (p0 >= 0 && isCjk(code0)) cand.lead = text[p0]!;
  }
}

function setAuthority(cand: Candidate, authority: string, city: string, start: number): void {
  cand.authorityStatus = 'ok';
  cand.authority = authority;
  cand.city = city;
  cand.start = start;
}
