import type { RowContext } from '../rows/row-validator.ts';
import type { ReadBatch } from './read-batch.ts';

/**
 * A file whose header was accepted, giving its rows as validated batches: read in this thread
 * (`BatchReader`) or in a worker thread (`WorkerBatchSource`). Both cut the same batches.
 */
export interface BatchSource {
  readonly headerRow: number | null;
  readonly ignoredColumns: readonly string[];
  /** The last row read, so that a failure can say where the import stopped. */
  readonly lastRow: number | null;
  /**
   * Batches of `batchSize` accepted or rejected rows, then one last batch (possibly empty). The
   * context names the import run, which exists only once the header was accepted.
   */
  batches(context: RowContext): AsyncGenerator<ReadBatch>;
  /** Stops reading and lets go of the file (and the worker); safe to call more than once. */
  close(): Promise<void>;
}
