import { type Candidate, isLegacy, type Skeleton } from '../parse/candidate.ts';
import { FORMS } from '../parse/form.ts';
import { AUTHORITIES, NATIONAL_ABBR } from '../reference/authorities.ts';
import { likelyAuthoritiesFor } from '../reference/authority-lookalikes.ts';
import { digitCountsFit, digitsExcess, headExcess } from '../rules/digit-counts.ts';

const DIGITS = '0123456789';
type DigitPart = 'head' | 'digits';

/**
 * Single edits that could repair a rejected candidate, likeliest first. Each targets the rule the
 * candidate broke: one edit can fix one fault, so for instance an unknown authority is only
 * re-spelt when the digits are already right. The caller keeps the edits that validate.
 */
export function* editsFor(c: Candidate): Generator<Skeleton> {
  if (c.kind === 'other_licence' || c.authorityStatus === 'missing') return;
  switch (c.reason) {
    case 'placeholder':
      yield* placeholderFills(c);
      return;
    case 'bad_digit_count':
      yield* countEdits(c);
      return;
    case 'year_out_of_range':
      yield* digitSubstitutions(c, yearPart(c), 0, 4, DIGITS);
      return;
    case 'class_authority_mismatch':
      yield* digitSubstitutions(c, 'digits', c.kind === 'registration' ? 4 : 0, 1, '123');
      yield* formEdits(c);
      yield* authorityEdits(c);
      return;
    case 'form_authority_mismatch':
      yield* formEdits(c);
      yield* authorityEdits(c);
      return;
    case 'unknown_authority':
      if (c.placeholders === 0 && digitCountsFit(c)) yield* authorityEdits(c);
      return;
    case 'unrecognised':
      if (c.placeholders === 0 && digitCountsFit(c)) yield* formEdits(c);
      return;
    case 'missing_character':
      // The canonical rendering writes every prefix character, so the left-out one comes back by
      // itself; only a left-out form has to be chosen.
      if (c.form === null && c.kind !== 'filing') yield* formEdits(c);
      else yield { ...c };
      return;
    case 'letter_for_digit':
      // The letters are already read as digits: the number they stand for.
      yield { ...c };
      return;
    default:
      return;
  }
}

/** A doubled digit removed, a dropped digit put back: the commonest typing slips come first. */
function* countEdits(c: Candidate): Generator<Skeleton> {
  if (c.placeholders > 0) return;
  const head = headExcess(c);
  const body = digitsExcess(c);
  if (head !== 0 && body !== 0) return;
  const part: DigitPart = head !== 0 ? 'head' : 'digits';
  const excess = head !== 0 ? head : body;
  const s = c[part];
  if (excess === 1) {
    const doubled = (i: number): boolean => s[i] === s[i - 1] || s[i] === s[i + 1];
    for (const wantDoubled of [true, false]) {
      for (let i = 0; i < s.length; i++) {
        if (doubled(i) === wantDoubled) yield { ...c, [part]: s.slice(0, i) + s.slice(i + 1) };
      }
    }
  } else if (excess === -1) {
    for (const wantRepeat of [true, false]) {
      for (let i = 0; i <= s.length; i++) {
        for (const d of DIGITS) {
          const repeats = d === s[i - 1] || d === s[i];
          if (repeats === wantRepeat) yield { ...c, [part]: s.slice(0, i) + d + s.slice(i) };
        }
      }
    }
  }
}

function* placeholderFills(c: Candidate): Generator<Skeleton> {
  if (c.placeholders !== 1 || !digitCountsFit(c)) return;
  const part: DigitPart = c.head.includes('x') ? 'head' : 'digits';
  const s = c[part];
  const at = s.indexOf('x');
  for (const d of DIGITS) yield { ...c, [part]: s.slice(0, at) + d + s.slice(at + 1) };
}

function* digitSubstitutions(c: Candidate, part: DigitPart, from: number, count: number, alphabet: string): Generator<Skeleton> {
  const s = c[part];
  for (let i = from; i < from + count && i < s.length; i++) {
    for (const d of alphabet) if (d !== s[i]) yield { ...c, [part]: s.slice(0, i) + d + s.slice(i + 1) };
  }
}

function* formEdits(c: Candidate): Generator<Skeleton> {
  if (c.kind === 'filing') return;
  for (const form of FORMS) if (form !== c.form) yield { ...c, form };
}

/**
 * Another authority in place of the typed one: look-alikes of the typed character first, then a
 * province before a typed city (`绿穗` → `粤穗`), then every authority in list order. A city on a
 * registration or after 国 is dropped first, as that alone may be the slip (`粤穗械注准…`).
 */
function* authorityEdits(c: Candidate): Generator<Skeleton> {
  const keepsCity = c.kind !== 'registration';
  if (c.city !== '') yield { ...c, city: '' };
  const city = keepsCity ? c.city : '';
  const asProvinceOfLead = c.lead !== '' && keepsCity && c.city === '';
  for (const abbr of likelyAuthoritiesFor(c.authority)) yield { ...c, authority: abbr, city };
  if (asProvinceOfLead) {
    for (const abbr of likelyAuthoritiesFor(c.lead)) yield { ...c, authority: abbr, city: c.authority };
  }
  for (const { abbr } of AUTHORITIES) if (abbr !== c.authority) yield { ...c, authority: abbr, city };
  if (asProvinceOfLead) {
    for (const { abbr } of AUTHORITIES) {
      if (abbr !== NATIONAL_ABBR) yield { ...c, authority: abbr, city: c.authority };
    }
  }
}

function yearPart(c: Skeleton): DigitPart {
  return isLegacy(c.kind) ? 'head' : 'digits';
}
