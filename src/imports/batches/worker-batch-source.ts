import { WorkerChannel } from '../../shared/worker/worker-channel.ts';
import type { DetectedFormat } from '../file-format.ts';
import type { PreparedFile } from '../prepared-file.ts';
import type { RowContext } from '../rows/row-validator.ts';
import { unpackVersions } from '../version-packing.ts';
import type { BatchSource } from './batch-source.ts';
import type { ReadBatch } from './read-batch.ts';
import type { FromReader, ReaderWorkerData, ToReader } from './reader-protocol.ts';

const ENTRY = new URL('./import-reader.worker.ts', import.meta.url);

/**
 * Batches the worker may read ahead of the commits: one waiting while another is being read keeps
 * both threads busy; more would only hold memory (a batch of 20,000 rows is tens of MB).
 */
const MAX_IN_FLIGHT = 2;

/**
 * The file read and validated in a worker thread (import-reader.worker.ts), so that this thread
 * spends its time storing batches while the next ones are read. Same batches as `BatchReader`.
 */
export class WorkerBatchSource implements BatchSource {
  private last: number | null = null;
  private opened: Extract<FromReader, { type: 'opened' }> | null = null;

  private constructor(private readonly channel: WorkerChannel<FromReader, ToReader>) {}

  /** Starts the worker and waits for the header: a refused file rejects with the worker's AppError. */
  static async open(
    file: Pick<PreparedFile, 'path' | 'head'>,
    detected: DetectedFormat,
    options: Pick<ReaderWorkerData, 'batchSize' | 'maxDecompressedBytes'>,
  ): Promise<WorkerBatchSource> {
    const data: ReaderWorkerData = { path: file.path, head: file.head, detected, ...options };
    const source = new WorkerBatchSource(new WorkerChannel({ entry: ENTRY, data, maxInFlight: MAX_IN_FLIGHT, name: 'import reader' }));
    try {
      const first = await source.next();
      if (first?.type !== 'opened') throw outOfTurn(first);
      source.opened = first;
      return source;
    } catch (error) {
      await source.close();
      throw error;
    }
  }

  get headerRow(): number | null {
    return this.opened?.headerRow ?? null;
  }

  get ignoredColumns(): readonly string[] {
    return this.opened?.ignoredColumns ?? [];
  }

  get lastRow(): number | null {
    return this.last;
  }

  async *batches(context: RowContext): AsyncGenerator<ReadBatch> {
    this.channel.send({ type: 'start', context });
    for (;;) {
      const message = await this.next();
      if (message === null) return;
      if (message.type !== 'batch') throw outOfTurn(message);
      const { versions, issues, counts, rowsRead, bytesRead, lastRow } = message.batch;
      this.last = lastRow;
      yield { inputs: unpackVersions(versions, context.provenance), issues, counts, rowsRead, bytesRead };
      // Back here once the batch is committed: the worker may read one more.
      this.channel.credit();
    }
  }

  /** Ends the worker whatever it is doing; its file closes with it. */
  async close(): Promise<void> {
    await this.channel.close();
  }

  /** The worker's next message, null once it has ended; where it stopped is kept for the failure that follows. */
  private async next(): Promise<Exclude<FromReader, { type: 'stopped' }> | null> {
    for (;;) {
      const result = await this.channel.next();
      if (result.done) return null;
      if (result.value.type !== 'stopped') return result.value;
      this.last = result.value.lastRow;
    }
  }
}

function outOfTurn(message: FromReader | null): Error {
  return new Error(`The import reader worker sent '${message?.type ?? 'end'}' out of turn.`);
}
