import { SPACE } from '../text/char-codes.ts';

/** The first index at or after `i` that is not a space (may be text.length). */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** The last index at or before `i`, and not below `floor`, that is not a space; -1 if none. */
export function prevNonSpace(text: string, i: number, floor: number): number {
  while (i >= floor && text.charCodeAt(i) === SPACE) i--;
  return i >= floor ? i : -1;
}
