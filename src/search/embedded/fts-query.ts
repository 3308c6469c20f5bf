import type { MatchKind } from '../search.types.ts';
import { characters, FIELDS, type SearchField } from '../search-text.ts';

/**
 * FTS5 match expressions for a folded query. The query has been reduced to letters and digits
 * (`foldText`), and the tokens are built the way `fieldGrams` stored them, so no user character
 * ever reaches FTS5 query syntax.
 */
interface TierExpression {
  matchedBy: Exclude<MatchKind, 'number'>;
  match: string;
}

interface FtsPlan {
  /** Every text match, for the total and the facets. */
  union: string;
  /** One expression per tier, each leaving out what a higher tier matched, in ranking order. */
  tiers: TierExpression[];
}

/**
 * A substring of a field: shorter than the field's n-gram, a prefix query on one token (`导` →
 * `"导"*` finds 导管 and a final 导); otherwise the phrase of its n-grams.
 */
function gramExpression(field: SearchField, chars: string[]): string {
  const { marker, size } = FIELDS[field];
  if (chars.length < size) return `"${marker}${chars.join('')}"*`;
  const grams: string[] = [];
  for (let i = 0; i + size <= chars.length; i++) grams.push(marker + chars.slice(i, i + size).join(''));
  return `"${grams.join(' ')}"`;
}

/** Names and holders: bigrams up to 3 characters, 4-grams from 4 (one token for a 4-character query). */
function textExpression(field: 'name' | 'holder', chars: string[]): string {
  return gramExpression(chars.length >= 4 ? `${field}4` : field, chars);
}

export function ftsPlan(folded: string): FtsPlan {
  const chars = characters(folded);
  const num = gramExpression('num', chars);
  const name = textExpression('name', chars);
  const holder = textExpression('holder', chars);
  return {
    union: `${num} OR ${name} OR ${holder}`,
    tiers: [
      // `^` anchors a phrase at the start of its column: the number begins with the query.
      { matchedBy: 'number_prefix', match: `^${num}` },
      { matchedBy: 'number_fragment', match: `(${num}) NOT (^${num})` },
      { matchedBy: 'product_name', match: `(${name}) NOT (${num})` },
      { matchedBy: 'holder', match: `(${holder}) NOT (${num} OR ${name})` },
    ],
  };
}
