import { BEI, ch, FORM_XU, GUAN, JIAN, SHI, YAO } from '../text/char-codes.ts';
import { readAuthority } from './authority-prefix.ts';
import { type Candidate, newCandidate } from './candidate.ts';
import { prevNonSpace } from './cursor.ts';
import { readDigitRun } from './digit-run.ts';
import { readTail } from './number-tail.ts';
import { FILING_MIN_DIGITS } from './parse-filing.ts';

const SHENG = ch('生');
const CHAN = ch('产');
const JING = ch('经');
const YING = ch('营');
const GUANG = ch('广');
const SHEN = ch('审');

/**
 * Recognises the licences whose numbers look like device certificates (docs/numbers.md §3 row 15):
 * production and trading licences and filings (`津食药监械生产许…`, `粤惠食药监械生产备…`,
 * `…械经营备…`) and advertisement approvals (`粤械广审…`). `at` is the first index after 械.
 * The candidate spans the whole licence number so that its digits are not read as anything else.
 */
export function parseOtherLicence(text: string, xie: number, at: number, floor: number): Candidate | null {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  const licence = (a === SHENG && b === CHAN) || (a === JING && b === YING);
  const isLicence = (licence && (c === FORM_XU || c === BEI)) || (a === GUANG && b === SHEN);
  if (!isLicence) return null;
  const cand = newCandidate('other_licence', keywordStart(text, xie, floor));
  readAuthority(text, cand.start, floor, true, cand);
  readDigitRun(text, at + (licence ? 3 : 2), FILING_MIN_DIGITS, cand);
  readTail(text, cand.coreEnd, cand);
  return cand;
}

/** Where the licence's keyword starts: at 械, or at the (食)药监/药管 before it. */
function keywordStart(text: string, xie: number, floor: number): number {
  const agency = prevNonSpace(text, xie - 1, floor);
  if (agency < 0) return xie;
  const code = text.charCodeAt(agency);
  if (code !== JIAN && code !== GUAN) return xie;
  const yao = prevNonSpace(text, agency - 1, floor);
  if (yao < 0 || text.charCodeAt(yao) !== YAO) return agency;
  const shi = prevNonSpace(text, yao - 1, floor);
  return shi >= 0 && text.charCodeAt(shi) === SHI ? shi : yao;
}
