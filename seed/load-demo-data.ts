import type { CertificateWriter } from '../src/certificates/certificate-writer.ts';
import type { VersionInput } from '../src/certificates/version-input.ts';
import type { IsoDate } from '../src/shared/dates.ts';
import { DEMO_TODAY, generateDemoCertificates } from './demo-data.ts';

interface LoadDemoOptions {
  count: number;
  seed?: number;
  /** The day the store decides which document is in effect on (the real today, usually). */
  today: IsoDate;
  /** The day the histories are built around; fixed by default so the data never changes. */
  referenceDate?: IsoDate;
  /** Certificates per transaction: big enough to amortise the commit, small enough to report progress. */
  batchSize?: number;
  onProgress?: (loaded: number, count: number) => void;
}

interface LoadDemoResult {
  certificates: number;
  /** Documents handed to the writer. */
  documents: number;
  /** Documents the writer stored (fewer when the data was already there). */
  versionsAdded: number;
  certificatesCreated: number;
  /** 原注册证编号 links handed to the writer. */
  links: number;
  elapsedMs: number;
}

/** Generates the demo certificates and stores them through the single write path, in batches. */
export function loadDemoData(writer: CertificateWriter, options: LoadDemoOptions): LoadDemoResult {
  const started = performance.now();
  const batchSize = options.batchSize ?? 2_000;
  const result: LoadDemoResult = { certificates: 0, documents: 0, versionsAdded: 0, certificatesCreated: 0, links: 0, elapsedMs: 0 };
  let batch: VersionInput[] = [];
  let inBatch = 0;

  const flush = (): void => {
    if (batch.length === 0) return;
    const summary = writer.write(batch, options.today);
    result.versionsAdded += summary.versionsAdded;
    result.certificatesCreated += summary.certificatesCreated;
    result.documents += batch.length;
    result.certificates += inBatch;
    batch = [];
    inBatch = 0;
    options.onProgress?.(result.certificates, options.count);
  };

  const generated = generateDemoCertificates({
    count: options.count,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    today: options.referenceDate ?? DEMO_TODAY,
  });
  for (const documents of generated) {
    for (const doc of documents) {
      batch.push(doc);
      result.links += doc.previousNumbers?.length ?? 0;
    }
    if (++inBatch >= batchSize) flush();
  }
  flush();
  result.elapsedMs = Math.round(performance.now() - started);
  return result;
}
