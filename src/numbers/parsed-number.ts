import { catalogueReadings } from './catalogue-readings.ts';
import { serialFrom, twoDigitsAt } from './digit-strings.ts';
import { legacyMatchKey } from './match-key.ts';
import type { Family, ManagementClass, NumberFlag, NumberWarning, Origin, ParsedNumber } from './number.types.ts';
import { flagsOf } from './number-flags.ts';
import type { Candidate } from './parse/candidate.ts';
import { authorityByCode, NATIONAL_ABBR } from './reference/authorities.ts';
import { GUANGDONG_ABBR, guangdongCityName } from './reference/guangdong-cities.ts';
import { renderCanonical } from './render.ts';
import { yearOf } from './rules/year-range.ts';
import type { CleanText } from './text/clean-text.ts';

/** `粤药监械(准)字2013第2210203号` without city or 食. */
const LEGACY_CANONICAL_LENGTH = 21;

const YEAR_MEANING = {
  registration: 'first_registration',
  filing: 'filing',
  legacy2004: 'approval',
  legacy2000: 'approval',
} as const;

/** The public description of a candidate that passed every rule. */
export function toParsedNumber(c: Candidate, clean: CleanText): ParsedNumber {
  const family = c.kind as Family;
  const flags = flagsOf(c, clean);
  const canonical = verbatimCanonical(c, clean.text, flags) ?? renderCanonical(c);
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
    serial = serialFrom(d, 4);
  } else if (family === 'registration') {
    year = yearOf(family, c.head, d);
    managementClass = d.charCodeAt(4) - 48;
    code = twoDigitsAt(d, 5);
    serial = serialFrom(d, 7);
  } else {
    year = yearOf(family, c.head, d);
    managementClass = d.charCodeAt(0) - 48;
    code = twoDigitsAt(d, 1);
    serial = serialFrom(d, 3);
    matchKey = legacyMatchKey(c.authority, c.city, c.form!, c.head, d);
  }
  const catalogue = code === null ? [] : catalogueReadings(family, year, code);
  const guangdongCity = c.city !== '' && c.authority === GUANGDONG_ABBR;
  const cityName = guangdongCity ? guangdongCityName(c.city.charCodeAt(0)) : undefined;
  let warnings: NumberWarning[] = [];
  if (code !== null && catalogue.length === 0) warnings = ['unknown_category_code'];
  if (guangdongCity && cityName === undefined) warnings.push('unknown_city');
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
    flags,
    warnings,
  };
}

/**
 * The canonical form as a slice of the text, when the number was typed exactly so (the common
 * case): a slice of the whole input is the input itself, and a slice of a long input costs less
 * than building the string again.
 */
function verbatimCanonical(c: Candidate, text: string, flags: readonly NumberFlag[]): string | null {
  for (const flag of flags) {
    const retyped = flag === 'whitespace_removed' || flag === 'characters_normalised';
    if (retyped || flag === 'hao_added' || flag === 'brackets_added') return null;
  }
  if (c.kind === 'registration' || c.kind === 'filing') return text.slice(c.start, c.coreEnd);
  // A legacy number typed in its standard form: `(准)`, 第 and 号 all there (第 is the only one
  // that leaves no flag when missing, hence the length).
  const end = c.coreEnd + 1;
  const standardLength = LEGACY_CANONICAL_LENGTH + c.city.length + (c.shi ? 1 : 0);
  return end - c.start === standardLength ? text.slice(c.start, end) : null;
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
