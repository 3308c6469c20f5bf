/**
 * Two- and four-digit strings shared by every answer: a long input yields tens of thousands of
 * codes and serials, and sharing them keeps that many small strings off the heap.
 */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
// Filled with '' rather than left with holes, which are slower to read.
const FOUR_DIGITS: string[] = new Array<string>(10_000).fill('');

/** `s.slice(at, at + 2)`, for two ASCII digits. */
export function twoDigitsAt(s: string, at: number): string {
  return TWO_DIGITS[(s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48)]!;
}

/** `s.slice(at)`, shared when it is four ASCII digits. */
export function serialFrom(s: string, at: number): string {
  if (s.length - at !== 4) return s.slice(at);
  const value =
    (s.charCodeAt(at) - 48) * 1000 + (s.charCodeAt(at + 1) - 48) * 100 + (s.charCodeAt(at + 2) - 48) * 10 + (s.charCodeAt(at + 3) - 48);
  const shared = FOUR_DIGITS[value]!;
  if (shared !== '') return shared;
  FOUR_DIGITS[value] = s.slice(at);
  return FOUR_DIGITS[value];
}
