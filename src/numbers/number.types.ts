/**
 * The number engine's public contract. Everything here is plain JSON-serialisable data so that
 * HTTP answers, CLI output and stored rows can carry it unchanged.
 */

export const FAMILIES = ['registration', 'filing', 'legacy2004', 'legacy2000'] as const;
export type Family = (typeof FAMILIES)[number];

/** 准 domestic, 进 imported, 许 Hong Kong / Macao / Taiwan. Filings carry no form. */
export type Form = '准' | '进' | '许';

export type Origin = 'domestic' | 'imported' | 'hmt';

export type ManagementClass = 1 | 2 | 3;

export type CatalogueEdition = '2002' | '2017';

export interface CatalogueReading {
  catalogue: CatalogueEdition;
  /** The catalogue's own code: `6866` for 2002, `14` for 2017. */
  code: string;
  name: string;
}

/** What the normaliser removed from the input and the caller may want to know about. */
export type NumberFlag =
  | 'suffix_change' // （更） / 更
  | 'suffix_renewal' // (延)
  | 'suffix_reissue' // (补)
  | 'hao_stripped' // a 号 on a registration/filing number
  | 'hao_added' // a legacy number typed without its final 号
  | 'brackets_added' // a legacy number typed without brackets around its form
  | 'trailing_text_cut'
  | 'leading_text_cut' // text before the number (a label such as 注册证号：) was cut
  | 'characters_normalised' // full-width, traditional, O/l for digits, stray separators
  | 'whitespace_removed';

export type NumberWarning =
  | 'unknown_category_code'
  // A Guangdong filing whose city character is not in the list of city prefixes (the list has a
  // gap: 汕尾's prefix is unknown), so the number is kept but the city is not named.
  | 'unknown_city';

export interface ParsedNumber {
  canonical: string;
  family: Family;
  authority: string;
  authorityName: string;
  city: string | null;
  cityName: string | null;
  form: Form | null;
  origin: Origin;
  year: number;
  /** What `year` means for this family: first registration, filing, or this approval. */
  yearMeaning: 'first_registration' | 'filing' | 'approval';
  class: ManagementClass;
  code: string | null;
  serial: string;
  catalogue: CatalogueReading[];
  /** Equal for all spellings that must find the same certificate (docs/numbers.md §2). */
  matchKey: string;
  flags: NumberFlag[];
  warnings: NumberWarning[];
}

export type ReasonCode =
  | 'empty'
  | 'no_authority_prefix'
  | 'unknown_authority'
  | 'bad_digit_count'
  | 'class_authority_mismatch'
  | 'form_authority_mismatch'
  | 'year_out_of_range'
  | 'placeholder'
  | 'not_a_device_certificate'
  | 'unrecognised'
  // One character of the prefix left out: 械, 注, 备, or the form (准).
  | 'missing_character'
  // The serial is all zeros.
  | 'zero_serial'
  // Look-alike letters where digits belong; only when the caller refuses them (`acceptLetterDigits: false`).
  | 'letter_for_digit';

export interface NormaliseError {
  reason: ReasonCode;
  message: { zh: string; en: string };
  suggestions: string[];
}

/** A part of the input that had the shape of a certificate number but broke a rule. */
export interface RejectedSegment extends NormaliseError {
  /** The segment as read, after character clean-up (whitespace shown as single spaces). */
  text: string;
}

export interface NormaliseResult {
  numbers: ParsedNumber[];
  /** Set only when `numbers` is empty. */
  error: NormaliseError | null;
  /**
   * Segments that looked like numbers but were invalid, in input order, at most 100. Always
   * present in `normalise`'s output; optional so that hand-built results stay valid.
   */
  rejected?: RejectedSegment[];
}

export interface NormaliseOptions {
  /** The year that bounds registration and filing years; defaults to the year now in Asia/Shanghai. */
  currentYear?: number;
  /**
   * Whether O / I / l typed for digits are read as digits (the default, for lookups). Whatever is
   * stored as a number's text passes `false`: such a number is then rejected as
   * `letter_for_digit`, with the number it would read as for a suggestion.
   */
  acceptLetterDigits?: boolean;
}
