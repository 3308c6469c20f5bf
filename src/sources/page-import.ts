import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import type { DatedFacts, Outranked, SourcePrecedence } from '../certificates/source-precedence.ts';
import type { VersionInput } from '../certificates/version-input.ts';
import type { RowIssue } from '../imports/rows/row-issues.ts';
import { validateRow } from '../imports/rows/row-validator.ts';
import type { Clock } from '../shared/clock.ts';
import { LabelledRow, type LabelledValues } from './labelled-row.ts';

export interface PageImportDeps {
  writer: CertificateWriter;
  precedence: SourcePrecedence;
  /** The stored versions of the certificate an input is about. */
  storedVersions: (matchKey: string) => readonly DatedFacts[];
  clock: Clock;
}

interface PageImportResult {
  records: number;
  rejected: RowIssue[];
  outranked: Outranked[];
  versionsAdded: number;
  certificatesCreated: number;
}

/**
 * Stores the records of one page, in one transaction: each validated by the same rules as a file
 * row, then filtered by source precedence. A page stands alone: its failure touches no other page.
 */
export function importPageRecords(
  records: readonly LabelledValues[],
  context: { sourceName: string; url: string; fetchedAt: string; documentType?: string | undefined },
  deps: PageImportDeps,
): PageImportResult {
  const accepted: VersionInput[] = [];
  const rejected: RowIssue[] = [];
  const rowContext = {
    currentYear: deps.clock.currentYear(),
    today: deps.clock.today(),
    provenance: { source: `html:${context.sourceName}`, sourceRef: context.url, fetchedAt: context.fetchedAt },
  };
  records.forEach((values, index) => {
    const withType = context.documentType && !hasDocumentType(values) ? new Map([...values, ['文件类型', context.documentType]]) : values;
    const outcome = validateRow(new LabelledRow(index + 1, withType), rowContext);
    if (outcome.kind === 'accepted') accepted.push(outcome.input);
    else if (outcome.kind === 'rejected') rejected.push(...outcome.issues);
  });
  const { kept, outranked } = deps.precedence.filter(accepted, (input) => deps.storedVersions(input.number.matchKey));
  const summary = kept.length > 0 ? deps.writer.write(kept, deps.clock.today(), { actor: `source:${context.sourceName}` }) : null;
  return {
    records: records.length,
    rejected,
    outranked,
    versionsAdded: summary?.versionsAdded ?? 0,
    certificatesCreated: summary?.certificatesCreated ?? 0,
  };
}

function hasDocumentType(values: LabelledValues): boolean {
  return new LabelledRow(0, values).cell('documentType') !== undefined;
}
