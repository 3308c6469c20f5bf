import { AUTHORITIES } from '../../numbers/reference/authorities.ts';

const ABBREVIATIONS = new Set(AUTHORITIES.map((a) => a.abbr));

/**
 * The start of a current-format number (粤械注准, 国械备, 粤穗械备2023 …): an authority, then CJK
 * characters and digits. Such a number is its own match key, so the prefix selects by match key.
 */
const CURRENT_FORMAT_PREFIX = /^[\u4e00-\u9fff][\u4e00-\u9fff0-9]{0,29}$/;
/** What only legacy numbers hold (药监械, 药管械, 食药监械): their match keys are not their text. */
const LEGACY_MARKER = /[药食]/;

/** Whether the listing can select by this `authority` value: an abbreviation, or the start of a current-format number. */
export function isSelectableAuthority(value: string): boolean {
  return ABBREVIATIONS.has(value.charAt(0)) && CURRENT_FORMAT_PREFIX.test(value) && !LEGACY_MARKER.test(value);
}

/**
 * The listing's `authority` filter as the match-key prefixes it selects, in match-key order, so
 * one index walks them one after the other. An abbreviation selects its legacy numbers too, whose
 * keys start `legacy:` and the abbreviation (numbers/match-key.ts); `legacy:` sorts before every
 * CJK character, so they come first.
 */
export function matchKeyPrefixes(authority: string | undefined): string[] {
  if (authority === undefined) return [''];
  if (ABBREVIATIONS.has(authority)) return [`legacy:${authority}`, authority];
  return [authority];
}
