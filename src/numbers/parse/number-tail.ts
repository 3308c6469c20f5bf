import type { NumberFlag } from '../number.types.ts';
import { CLOSE, ch, HAO, isCjk, OPEN } from '../text/char-codes.ts';
import type { Candidate } from './candidate.ts';
import { skipSpaces } from './cursor.ts';

const SUFFIXES = new Map<number, NumberFlag>([
  [ch('更'), 'suffix_change'],
  [ch('延'), 'suffix_renewal'],
  [ch('补'), 'suffix_reissue'],
]);

/**
 * Reads what may follow a number's digits: a 号, then a change / renewal / re-issue mark, bracketed
 * (`（更）`) or bare (`号更`). A bare mark counts only when no ideograph follows it, so the 更 of
 * `号更改为…` stays text. Sets the candidate's end, hao and suffix.
 */
export function readTail(text: string, from: number, cand: Candidate): void {
  let end = from;
  let i = skipSpaces(text, from);
  if (text.charCodeAt(i) === HAO) {
    cand.hao = true;
    end = i + 1;
    i = skipSpaces(text, end);
  }
  const c = text.charCodeAt(i);
  if (c === OPEN) {
    const markAt = skipSpaces(text, i + 1);
    const flag = SUFFIXES.get(text.charCodeAt(markAt));
    const closeAt = skipSpaces(text, markAt + 1);
    if (flag !== undefined && text.charCodeAt(closeAt) === CLOSE) {
      cand.suffix = flag;
      end = closeAt + 1;
    }
  } else {
    const flag = SUFFIXES.get(c);
    if (flag !== undefined && !isCjk(text.charCodeAt(i + 1))) {
      cand.suffix = flag;
      end = i + 1;
    }
  }
  cand.end = end;
}
