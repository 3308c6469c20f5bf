import type { DocumentType } from '../../certificates/version-input.ts';
import type { ParsedNumber } from '../../numbers/number.types.ts';
import { headerKey } from './fields.ts';

const NAMED: ReadonlyMap<string, DocumentType> = new Map(
  (
    [
      ['注册证', 'registration'],
      ['注册', 'registration'],
      ['首次注册', 'registration'],
      ['医疗器械注册证', 'registration'],
      ['延续注册', 'renewal'],
      ['延续', 'renewal'],
      ['延续注册证', 'renewal'],
      ['变更注册文件', 'change'],
      ['变更注册', 'change'],
      ['变更', 'change'],
      ['变更文件', 'change'],
      ['备案凭证', 'filing'],
      ['备案', 'filing'],
      ['第一类医疗器械备案凭证', 'filing'],
      ['变更备案', 'filing_change'],
      ['备案变更', 'filing_change'],
      ['registration', 'registration'],
      ['renewal', 'renewal'],
      ['change', 'change'],
      ['filing', 'filing'],
      ['filing_change', 'filing_change'],
    ] as const
  ).map(([text, type]) => [headerKey(text), type]),
);

export function documentTypeFromText(text: string): DocumentType | null {
  // Most cells are spelled exactly as listed: skip the folding for them.
  return NAMED.get(text) ?? NAMED.get(headerKey(text)) ?? null;
}

const FILING_TYPES: ReadonlySet<DocumentType> = new Set(['filing', 'filing_change']);

/** A filing number names a filing document and a registration number a registration document. */
export function documentTypeFits(type: DocumentType, number: ParsedNumber): boolean {
  return FILING_TYPES.has(type) === (number.family === 'filing');
}

/**
 * Without a 文件类型 column the number decides; a `（更）` or `(延)` the user typed after it says
 * which document it is.
 */
export function inferDocumentType(number: ParsedNumber): DocumentType {
  const filing = number.family === 'filing';
  if (number.flags.includes('suffix_change')) return filing ? 'filing_change' : 'change';
  if (!filing && number.flags.includes('suffix_renewal')) return 'renewal';
  return filing ? 'filing' : 'registration';
}
