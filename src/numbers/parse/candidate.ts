import type { Family, Form, NumberFlag, ReasonCode } from '../number.types.ts';

/** A certificate-number family, or another licence that merely looks like one. */
export type CandidateKind = Family | 'other_licence';

/**
 * The parts of a number that its canonical form is built from. Suggestions edit these and render
 * them again, so they hold exactly what was read, even when it is invalid.
 */
export interface Skeleton {
  kind: CandidateKind;
  /** The character read as the authority; '' when none was typed. */
  authority: string;
  /** Filing and legacy city character (`穗`); '' when none. */
  city: string;
  /** null when the form character is missing or not one of 准进许. */
  form: Form | null;
  /** Legacy numbers only: whether 食 was typed (kept, since both spellings were issued). */
  shi: boolean;
  /** Legacy numbers only: the year's digits. */
  head: string;
  /** The digits after the prefix (legacy: after 第); `x` marks a placeholder. */
  digits: string;
}

/** The two pre-2014 families, which share their layout and differ only in 药监 / 药管. */
export function isLegacy(kind: CandidateKind): kind is 'legacy2004' | 'legacy2000' {
  return kind === 'legacy2004' || kind === 'legacy2000';
}

export type AuthorityStatus = 'ok' | 'missing' | 'unknown';

/** Something that had the shape of a number, where it was found, and what was stripped from it. */
export interface Candidate extends Skeleton {
  authorityStatus: AuthorityStatus;
  /** A CJK character just before an unknown authority: perhaps an unknown province before a city. */
  lead: string;
  /** Index of the first character of the prefix in the cleaned text. */
  start: number;
  /** End of the part the canonical form is made from (registration/filing: the last digit). */
  coreEnd: number;
  /** End of everything consumed, 号 and suffixes included. */
  end: number;
  placeholders: number;
  /** Look-alike letters or separators were read as, or between, digits. */
  digitsNormalised: boolean;
  /** Look-alike letters (O, l …) were read as digits: never stored as typed (docs/numbers.md §4). */
  lettersForDigits: boolean;
  /** A character of the prefix that was left out (`械`, `注`, `备`, or `准` for the form); '' when none. */
  missing: string;
  bracketed: boolean;
  hao: boolean;
  suffix: NumberFlag | null;
  leadingText: boolean;
  trailingText: boolean;
  reason: ReasonCode | null;
}

export function newCandidate(kind: CandidateKind, keywordStart: number): Candidate {
  return {
    kind,
    authority: '',
    city: '',
    form: null,
    shi: false,
    head: '',
    digits: '',
    authorityStatus: 'missing',
    lead: '',
    start: keywordStart,
    coreEnd: keywordStart,
    end: keywordStart,
    placeholders: 0,
    digitsNormalised: false,
    lettersForDigits: false,
    missing: '',
    bracketed: false,
    hao: false,
    suffix: null,
    leadingText: false,
    trailingText: false,
    reason: null,
  };
}
