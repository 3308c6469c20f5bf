import type { NumberFlag } from './number.types.ts';
import { type Candidate, isLegacy } from './parse/candidate.ts';
import { SPACE } from './text/char-codes.ts';
import type { CleanText } from './text/clean-text.ts';

/** What was stripped from, changed in, or added to a valid candidate, in a fixed order. */
export function flagsOf(c: Candidate, clean: CleanText): NumberFlag[] {
  const flags: NumberFlag[] = [];
  if (clean.hasSpace && hasSpaceIn(clean.text, c.start, c.end)) flags.push('whitespace_removed');
  if (c.digitsNormalised || (clean.changed !== null && hasChangeIn(clean.changed, c.start, c.coreEnd))) {
    flags.push('characters_normalised');
  }
  if (isLegacy(c.kind)) {
    if (!c.hao) flags.push('hao_added');
    if (!c.bracketed) flags.push('brackets_added');
  } else if (c.hao) flags.push('hao_stripped');
  if (c.suffix !== null) flags.push(c.suffix);
  if (c.leadingText) flags.push('leading_text_cut');
  if (c.trailingText) flags.push('trailing_text_cut');
  return flags;
}

function hasSpaceIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === SPACE) return true;
  return false;
}

/** Binary search (the list is sorted, padding included): many numbers and many changes stay linear. */
function hasChangeIn(changed: Int32Array, from: number, to: number): boolean {
  let lo = 0;
  let hi = changed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (changed[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < changed.length && changed[lo]! < to;
}
