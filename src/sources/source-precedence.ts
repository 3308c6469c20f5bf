import type { DocumentType, VersionInput } from '../certificates/version-input.ts';

/**
 * How much a source's dates are worth (CERTIFICATES.md §5): the certificate itself (a detail page
 * showing it, a technician copying it from the scan) outranks an announcement, which outranks a
 * manufacturer's claim (bulk files, anything else); UDI has no dates at all.
 */
export type Authority = 'certificate' | 'announcement' | 'claim' | 'undated';

const RANK: Record<Authority, number> = { certificate: 3, announcement: 2, claim: 1, undated: 0 };

/** A stored version as precedence sees it. */
export interface DatedFacts {
  documentType: DocumentType;
  approvalDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  source: string;
}

export interface Outranked {
  input: VersionInput;
  /** The stored version whose source outranks the input's and whose dates differ. */
  by: DatedFacts;
}

export class SourcePrecedence {
  constructor(private readonly shapes: ReadonlyMap<string, 'detail' | 'announcement'>) {}

  authorityOf(source: string): Authority {
    if (source === 'udi') return 'undated';
    if (source === 'correction') return 'certificate';
    if (source.startsWith('html:')) return this.shapes.get(source.slice(5)) === 'detail' ? 'certificate' : 'announcement';
    return 'claim';
  }

  /**
   * Keeps the documents no better source contradicts. Two versions describe the same document
   * when they are of the same kind and share an approval or expiry date (a filing is one
   * document); they contradict when any date both give differs. The loser is not stored: its
   * dates would otherwise compete with the better ones for "latest document in effect".
   */
  filter(inputs: readonly VersionInput[], storedOf: (input: VersionInput) => readonly DatedFacts[]): { kept: VersionInput[]; outranked: Outranked[] } {
    const kept: VersionInput[] = [];
    const outranked: Outranked[] = [];
    for (const input of inputs) {
      const rank = RANK[this.authorityOf(input.provenance.source)];
      const facts: DatedFacts = {
        documentType: input.documentType,
        approvalDate: input.approvalDate ?? null,
        effectiveDate: input.effectiveDate ?? null,
        expiryDate: input.expiryDate ?? null,
        source: input.provenance.source,
      };
      const better = storedOf(input).find(
        (stored) => RANK[this.authorityOf(stored.source)] > rank && sameDocument(stored, facts) && contradicts(stored, facts),
      );
      if (better) outranked.push({ input, by: better });
      else kept.push(input);
    }
    return { kept, outranked };
  }
}

const KIND: Record<DocumentType, string> = {
  registration: 'certificate',
  renewal: 'certificate',
  filing: 'filing',
  change: 'change',
  filing_change: 'filing_change',
  record: 'record',
};

export function sameDocument(a: DatedFacts, b: DatedFacts): boolean {
  if (KIND[a.documentType] !== KIND[b.documentType] || a.documentType === 'record') return false;
  if (a.documentType === 'filing') return true;
  const shared = (x: string | null, y: string | null) => x !== null && x === y;
  return shared(a.approvalDate, b.approvalDate) || (KIND[a.documentType] === 'certificate' && shared(a.expiryDate, b.expiryDate));
}

function contradicts(a: DatedFacts, b: DatedFacts): boolean {
  const differs = (x: string | null, y: string | null) => x !== null && y !== null && x !== y;
  return differs(a.approvalDate, b.approvalDate) || differs(a.effectiveDate, b.effectiveDate) || differs(a.expiryDate, b.expiryDate);
}
