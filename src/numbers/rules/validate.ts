import type { Form, ReasonCode } from '../number.types.ts';
import type { Candidate } from '../parse/candidate.ts';
import { NATIONAL_ABBR } from '../reference/authorities.ts';
import { digitCountsFit } from './digit-counts.ts';
import { firstYear, lastYear, yearOf } from './year-range.ts';

/**
 * The first structural rule (docs/numbers.md §1) the candidate breaks, or null when it is a valid
 * number. Checked from the prefix inwards, so the reason names the earliest fault; the serial,
 * last in the number, is checked last.
 */
export function validate(c: Candidate, currentYear: number): ReasonCode | null {
  if (c.kind === 'other_licence') return 'not_a_device_certificate';
  if (c.authorityStatus === 'missing') return 'no_authority_prefix';
  if (c.authorityStatus === 'unknown') return 'unknown_authority';
  const national = c.authority === NATIONAL_ABBR;
  // Only provinces have cities, and registrations name no city at all.
  if (c.city !== '' && (national || c.kind === 'registration')) return 'unknown_authority';
  // A prefix short of one character is named as such, whatever else is wrong (docs/numbers.md §4).
  if (c.missing !== '') return 'missing_character';
  const form = c.form;
  if (form === null && c.kind !== 'filing') return 'unrecognised';
  if (c.placeholders > 0) return 'placeholder';
  if (!digitCountsFit(c)) return 'bad_digit_count';
  const year = yearOf(c.kind, c.head, c.digits);
  if (year < firstYear(c.kind) || year > lastYear(c.kind, currentYear)) return 'year_out_of_range';
  if (form !== null) {
    const managementClass = c.digits.charCodeAt(c.kind === 'registration' ? 4 : 0) - 48;
    const rule = formClassRule(c.kind === 'registration', national, form, managementClass);
    if (rule !== null) return rule;
  }
  return isZeroSerial(c) ? 'zero_serial' : null;
}

/** Serials count from 1: a serial of all zeros is a placeholder someone typed, not a certificate. */
function isZeroSerial(c: Candidate): boolean {
  const from = c.kind === 'registration' ? 7 : c.kind === 'filing' ? 4 : 3;
  for (let i = from; i < c.digits.length; i++) if (c.digits.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * Who may issue what. Imported (进) and Hong Kong/Macao/Taiwan (许) devices are national in every
 * era. A registration is class II or III (class I is filed); a province registers domestic class
 * II, NMPA domestic class III. Legacy numbers run from class I to III: class I was registered by
 * provincial or city bureaus, so a province may carry class I or II, never III.
 */
function formClassRule(isRegistration: boolean, national: boolean, form: Form, managementClass: number): ReasonCode | null {
  if (!national && form !== '准') return 'form_authority_mismatch';
  const lowest = isRegistration ? 2 : 1;
  if (managementClass < lowest || managementClass > 3) return 'class_authority_mismatch';
  if (national && form === '准' && managementClass !== 3) return 'class_authority_mismatch';
  if (!national && (isRegistration ? managementClass !== 2 : managementClass === 3)) {
    return 'class_authority_mismatch';
  }
  return null;
}
