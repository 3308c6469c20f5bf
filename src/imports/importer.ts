import type Database from 'better-sqlite3';
import type { CertificateWriter } from '../certificates/certificate-writer.ts';
import type { AppConfig } from '../config/config.ts';
import { withSparseCheckpoints } from '../db/sparse-checkpoints.ts';
import type { WriteLock } from '../db/write-lock.ts';
import type { Clock } from '../shared/clock.ts';
import { BatchReader } from './batches/batch-reader.ts';
import type { BatchSource } from './batches/batch-source.ts';
import { WorkerBatchSource } from './batches/worker-batch-source.ts';
import { type DetectedFormat, detectFormat } from './file-format.ts';
import type { ImportProgress, ImportReport } from './import-report.ts';
import { ImportRunsRepository } from './import-runs.repository.ts';
import { ImportSession } from './import-session.ts';
import { emptyFile } from './imports.errors.ts';
import { type ImportInput, type PreparedFile, prepareFile } from './prepared-file.ts';
import { openTable } from './rows/table-reader.ts';

interface ImporterDeps {
  sqlite: Database.Database;
  writer: CertificateWriter;
  writes: WriteLock;
  /** Its day decides which document is in effect, and what "future" means. */
  clock: Clock;
}

export interface ImporterOptions {
  /** Rows per transaction. Larger is faster; smaller keeps other writers waiting less. */
  batchSize?: number;
  /** Issues listed in the report; all are stored with the run either way. */
  maxReportedIssues?: number;
  /**
   * Read and validate rows in a worker thread while this one stores the previous batch. Unset:
   * for files of `WORKER_MIN_BYTES` or more, since starting the worker costs more than it saves on
   * a small file.
   */
  readInWorker?: boolean;
  /**
   * Checkpoint the WAL every 256 MB instead of every 4 MB while importing (db/sparse-checkpoints.ts):
   * for a process that does nothing else (the CLI, scripts). Off by default: in the server the same
   * connection answers lookups, and each of those larger checkpoints would stall them for a second
   * or two.
   */
  sparseCheckpoints?: boolean;
  /** What an XLSX file's parts may inflate to (IMPORT_MAX_DECOMPRESSED_MB); a zip bomb is refused at it. */
  maxDecompressedBytes?: number;
}

export type ImportFileRequest = ImportInput & {
  fileName: string;
  /** Provenance source of every stored version: `import` unless the caller says (e.g. `demo`). */
  source?: string | undefined;
  /** The upload's MIME type, a hint when the content is ambiguous. */
  contentType?: string | undefined;
  /** Called after each committed batch. Throwing stops the import after that batch. */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Files above this are refused (413) before anything is written; uploads set it. */
  maxBytes?: number | undefined;
  /** Called once the input is on disk, before it is read: the route refuses a second file there. */
  whenSpooled?: (() => Promise<void>) | undefined;
};

/** Short transactions for the HTTP route, whose process keeps answering lookups meanwhile. */
const DEFAULT_BATCH_SIZE = 5_000;
/**
 * For the CLI and scripts: committing every 20,000 rows instead of 5,000 cut the writer's CPU by
 * about a sixth and its system time by half in the 1M-row benchmark (fewer WAL page rewrites); but
 * a transaction of 20,000 rows holds the write lock for about a second unloaded and two on a busy
 * machine, and a server's writers wait that long. 10,000 keeps most of the saving at half the wait.
 */
export const BULK_BATCH_SIZE = 10_000;

/**
 * Starting the reader worker takes about 0.3 s (tsx loads the reader's modules afresh), while it
 * saves this thread about 9 µs a row: it pays from some 35,000 rows, about 14 MB of a typical CSV.
 */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** IMPORT_MAX_DECOMPRESSED_MB's default, for importers built without a config. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

/**
 * Reads a certificate file and stores its rows through the one writer, batch by batch. Everything
 * that can refuse a whole file (size, format, encoding, header) happens before a run exists.
 */
export class Importer {
  readonly runs: ImportRunsRepository;
  private readonly batchSize: number;
  private readonly maxReportedIssues: number;
  private readonly readInWorker: boolean | undefined;
  private readonly sparseCheckpoints: boolean;
  private readonly maxDecompressedBytes: number;

  constructor(
    private readonly deps: ImporterDeps,
    options: ImporterOptions = {},
  ) {
    this.runs = new ImportRunsRepository(deps.sqlite);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.maxReportedIssues = options.maxReportedIssues ?? 10_000;
    this.readInWorker = options.readInWorker;
    this.sparseCheckpoints = options.sparseCheckpoints ?? false;
    this.maxDecompressedBytes = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  }

  async importFile(request: ImportFileRequest): Promise<ImportReport> {
    const file = await prepareFile(request, request.maxBytes);
    try {
      await request.whenSpooled?.();
      if (file.size === 0) throw emptyFile();
      const detected = detectFormat(file, request.fileName, request.contentType);
      const source = await this.open(file, detected);
      try {
        const { clock } = this.deps;
        const session = await this.deps.writes.run(
          () =>
            new ImportSession(
              {
                sqlite: this.deps.sqlite,
                writer: this.deps.writer,
                writes: this.deps.writes,
                runs: this.runs,
                now: clock.now,
                today: clock.today(),
              },
              { fileName: request.fileName, sha256: file.sha256, sizeBytes: file.size, source: request.source ?? 'import', ...detected },
              { maxReportedIssues: this.maxReportedIssues, onProgress: request.onProgress },
            ),
        );
        const consume = () => session.consume(source);
        return await (this.sparseCheckpoints ? withSparseCheckpoints(this.deps.sqlite, consume) : consume());
      } finally {
        await source.close();
      }
    } finally {
      await file.dispose();
    }
  }

  private async open(file: PreparedFile, detected: DetectedFormat): Promise<BatchSource> {
    const { batchSize, maxDecompressedBytes } = this;
    if (this.readInWorker ?? file.size >= WORKER_MIN_BYTES)
      return WorkerBatchSource.open(file, detected, { batchSize, maxDecompressedBytes });
    let bytesRead = 0;
    const table = await openTable(file, detected, (bytes) => (bytesRead += bytes), maxDecompressedBytes);
    return new BatchReader(table, this.batchSize, () => bytesRead);
  }
}

/** The importer over the composition root's database, writer and limits (CLI, HTTP app, tests). */
export function importerFor(
  services: Omit<ImporterDeps, 'sqlite'> & {
    database: Pick<ImporterDeps, 'sqlite'>;
    config?: Pick<AppConfig, 'importMaxDecompressedBytes'>;
  },
  options: ImporterOptions = {},
): Importer {
  const limits = services.config ? { maxDecompressedBytes: services.config.importMaxDecompressedBytes } : {};
  const { writer, writes, clock } = services;
  return new Importer({ sqlite: services.database.sqlite, writer, writes, clock }, { ...limits, ...options });
}
