import { catalogueReadings } from './catalogue-readings.ts';
import { legacyMatchKey } from './match-key.ts';
import type { Family, ManagementClass, NumberWarning, Origin, ParsedNumber } from './number.types.ts';
import { flagsOf } from './number-flags.ts';
import type { Candidate } from './parse/candidate.ts';
import { authorityByCode, NATIONAL_ABBR } from './reference/authorities.ts';
import { GUANGDONG_ABBR, guangdongCityName } from './reference/guangdong-cities.ts';
import { renderCanonical } from './render.ts';
import { yearOf } from './rules/year-range.ts';
import type { CleanText } from './text/clean-text.ts';

const YEAR_MEANING = {
  registration: 'first_registration',
  filing: 'filing',
  legacy2004: 'approval',
  legacy2000: 'approval',
} as const;


/** The public description of a candidate that passed every rule. */
export function toParsedNumber(c: Candidate, clean: CleanText): ParsedNumber {
  const family = c.kind as Family;
  const canonical = renderCanonical(c);
  const d = c.digits;
  let year: number;
  let managementClass: number;
  let code: string | null;
  let serial: string;
  let matchKey = canonical;
  if (family === 'filing') {
    year = yearOf(family, c.head, d);
    managementClass = 1;
    code = null;
    serial = d.slice(4);
  } else if (family === 'registration') {
    year = yearOf(family, c.head, d);
    managementClass = d.charCodeAt(4) - 48;
    code = d.slice(5, 7);
    serial = d.slice(7);
  } else {
    year = yearOf(family, c.head, d);
    managementClass = d.charCodeAt(0) - 48;
    code = d.slice(1, 3);
    serial = d.slice(3);
    matchKey = legacyMatchKey(c.authority, c.city, c.form!, c.head, d);
  }
  const catalogue = code === null ? [] : catalogueReadings(family, year, code);
  const cityName = c.city !== '' && c.authority === GUANGDONG_ABBR ? guangdongCityName(c.city.charCodeAt(0)) : undefined;
  let warnings: NumberWarning[] = [];
  if (code !== null && catalogue.length === 0) warnings = ['unknown_category_code'];
  if (c.city !== '' && c.authority === GUANGDONG_ABBR && cityName === undefined) warnings.push('unknown_city');
  return {
    canonical,
    family,
    authority: c.authority,
    authorityName: authorityByCode(c.authority.charCodeAt(0))!.name,
    city: c.city === '' ? null : c.city,
    cityName: cityName ?? null,
    form: c.form,
    origin: originOf(c),
    year,
    yearMeaning: YEAR_MEANING[family],
    class: managementClass as ManagementClass,
    code,
    serial,
    catalogue,
    matchKey,
    flags: flagsOf(c, clean),
    warnings,
  };
}

function originOf(c: Candidate): Origin {
  switch (c.form) {
    case '准':
      return 'domestic';
    case '进':
      return 'imported';
    case '许':
      return 'hmt';
    case null:
      // 国械备 is the filing of an imported class I device; other filings are domestic.
      return c.authority === NATIONAL_ABBR ? 'imported' : 'domestic';
  }
}

