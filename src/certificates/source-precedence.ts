import type { DocumentType, VersionInput } from './version-input.ts';

/**
 * How much a source's dates are worth (docs/certificates.md §5): the certificate itself (a detail page
 * showing it, a technician copying it from the scan) outranks an announcement, which outranks a
 * manufacturer's claim (bulk files, anything else); UDI has no dates at all.
 */
type Authority = 'certificate' | 'announcement' | 'claim' | 'undated';

const RANK: Record<Authority, number> = { certificate: 3, announcement: 2, claim: 1, undated: 0 };

/**
 * An `html:<name>` source read without the sources configuration: a detail page (certificate) or
 * an announcement, so it outranks a claim but is never said to outrank, or be outranked by, a
 * certificate or an announcement. Undecided pairs stay as they are (latest approval wins).
 */
export type Standing = Authority | 'page';

/** The lowest and highest rank a standing may have. */
const LOW: Record<Standing, number> = { ...RANK, page: RANK.announcement };
const HIGH: Record<Standing, number> = { ...RANK, page: RANK.certificate };

export type AuthorityOf = (source: string) => Standing;

/**
 * A source's authority where the sources configuration is not at hand (auto-fill, the certificate
 * view, the writer's summary columns): exact for every source except `html:<name>`, whose shape
 * only the configuration knows (SourcePrecedence.authorityOf).
 */
export const authorityWithoutConfig: AuthorityOf = (source) => (source.startsWith('html:') ? 'page' : fixedAuthority(source));

function fixedAuthority(source: string): Authority {
  if (source === 'udi') return 'undated';
  if (source === 'correction') return 'certificate';
  return 'claim';
}

/** Whether a source of standing `a` certainly outranks one of standing `b`. */
function outranks(a: Standing, b: Standing): boolean {
  return LOW[a] > HIGH[b];
}

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

  /** The configured ranking, in a stable order: what stored summaries depend on beyond the versions. */
  ranking(): [string, 'detail' | 'announcement'][] {
    return [...this.shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  readonly authorityOf = (source: string): Authority => {
    if (source.startsWith('html:')) return this.shapes.get(source.slice(5)) === 'detail' ? 'certificate' : 'announcement';
    return fixedAuthority(source);
  };

  /**
   * Keeps the documents no better source contradicts. Two versions describe the same document
   * when they are of the same kind and share an approval or expiry date (a filing is one
   * document); they contradict when any date both give differs. The loser is not stored: its
   * dates would otherwise compete with the better ones for "latest document in effect". A worse
   * version stored before the better one arrived is set aside when read (`withoutOutranked`).
   */
  filter(
    inputs: readonly VersionInput[],
    storedOf: (input: VersionInput) => readonly DatedFacts[],
  ): { kept: VersionInput[]; outranked: Outranked[] } {
    const kept: VersionInput[] = [];
    const outranked: Outranked[] = [];
    for (const input of inputs) {
      const facts: DatedFacts = {
        documentType: input.documentType,
        approvalDate: input.approvalDate ?? null,
        effectiveDate: input.effectiveDate ?? null,
        expiryDate: input.expiryDate ?? null,
        source: input.provenance.source,
      };
      const better = outrankingOf(facts, storedOf(input), this.authorityOf);
      if (better) outranked.push({ input, by: better });
      else kept.push(input);
    }
    return { kept, outranked };
  }
}

/**
 * The versions no better-ranked version contradicts (same document, dates differing; see
 * `filter`). The write path keeps a worse source out when a better one is stored first; this is
 * the other order: the worse version is stored (provenance) but must not be in effect. Pure, and
 * returns `versions` itself when nothing is outranked; `onOutranked` hears each loser and a winner.
 */
export function withoutOutranked<V extends DatedFacts>(
  versions: readonly V[],
  authorityOf: AuthorityOf = authorityWithoutConfig,
  onOutranked?: (loser: V, by: V) => void,
): readonly V[] {
  let kept: V[] | null = null;
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i]!;
    const by = outrankingOf(version, versions, authorityOf);
    if (by) {
      kept ??= versions.slice(0, i);
      onOutranked?.(version, by);
    } else kept?.push(version);
  }
  return kept ?? versions;
}

/** The first of `others` whose source outranks `facts`' and that gives the same document's dates differently. */
function outrankingOf<V extends DatedFacts>(facts: DatedFacts, others: readonly V[], authorityOf: AuthorityOf): V | undefined {
  let standing: Standing | undefined;
  for (const other of others) {
    if (other === facts || !sameDocument(other, facts) || !contradicts(other, facts)) continue;
    standing ??= authorityOf(facts.source);
    if (outranks(authorityOf(other.source), standing)) return other;
  }
  return undefined;
}

const KIND: Record<DocumentType, string> = {
  registration: 'certificate',
  renewal: 'certificate',
  filing: 'filing',
  change: 'change',
  filing_change: 'filing_change',
  record: 'record',
};

function sameDocument(a: DatedFacts, b: DatedFacts): boolean {
  if (KIND[a.documentType] !== KIND[b.documentType] || a.documentType === 'record') return false;
  if (a.documentType === 'filing') return true;
  const shared = (x: string | null, y: string | null) => x !== null && x === y;
  return shared(a.approvalDate, b.approvalDate) || (KIND[a.documentType] === 'certificate' && shared(a.expiryDate, b.expiryDate));
}

function contradicts(a: DatedFacts, b: DatedFacts): boolean {
  const differs = (x: string | null, y: string | null) => x !== null && y !== null && x !== y;
  return differs(a.approvalDate, b.approvalDate) || differs(a.effectiveDate, b.effectiveDate) || differs(a.expiryDate, b.expiryDate);
}
