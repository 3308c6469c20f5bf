import { Worker } from 'node:worker_threads';
import type { DetectedFormat } from '../file-format.ts';
import type { PreparedFile } from '../prepared-file.ts';
import type { RowContext } from '../rows/row-validator.ts';
import { unpackVersions } from '../version-packing.ts';
import type { BatchSource } from './batch-source.ts';
import type { ReadBatch } from './read-batch.ts';
import type { FromReader, ReaderWorkerData, ToReader } from './reader-protocol.ts';
import { fromThreadError } from './thread-errors.ts';

const ENTRY = new URL('./import-reader.bootstrap.mjs', import.meta.url);

/**
 * Batches the worker may read ahead of the commits: one waiting while another is being read keeps
 * both threads busy; more would only hold memory (a batch of 20,000 rows is tens of MB).
 */
const MAX_IN_FLIGHT = 2;

type WorkerEvent = FromReader | { type: 'crashed'; error: Error } | { type: 'exited'; code: number };

/**
 * The file read and validated in a worker thread (import-reader.worker.ts), so that this thread
 * spends its time storing batches while the next ones are read. Same batches as `BatchReader`.
 */
export class WorkerBatchSource implements BatchSource {
  private last: number | null = null;
  private opened: Extract<FromReader, { type: 'opened' }> | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly inbox: Inbox,
  ) {}

  /** Starts the worker and waits for the header: a refused file rejects with the worker's AppError. */
  static async open(
    file: Pick<PreparedFile, 'path' | 'head'>,
    detected: DetectedFormat,
    options: Pick<ReaderWorkerData, 'batchSize' | 'maxDecompressedBytes'>,
  ): Promise<WorkerBatchSource> {
    const workerData: ReaderWorkerData = { path: file.path, head: file.head, detected, ...options, maxInFlight: MAX_IN_FLIGHT };
    // No inherited execArgv: the bootstrap registers tsx itself (the parent's flags would not reach the entry).
    const worker = new Worker(ENTRY, { workerData, execArgv: [] });
    const inbox = new Inbox();
    worker.on('message', (message: FromReader) => inbox.put(message));
    worker.on('error', (error) => inbox.put({ type: 'crashed', error }));
    worker.on('messageerror', (error) => inbox.put({ type: 'crashed', error }));
    worker.on('exit', (code) => inbox.put({ type: 'exited', code }));
    const source = new WorkerBatchSource(worker, inbox);
    try {
      const first = await inbox.next();
      if (first.type !== 'opened') throw source.failure(first);
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
    this.send({ type: 'start', context });
    for (;;) {
      const event = await this.inbox.next();
      if (event.type === 'done') return;
      if (event.type !== 'batch') throw this.failure(event);
      const { versions, issues, counts, rowsRead, bytesRead, lastRow } = event.batch;
      this.last = lastRow;
      yield { inputs: unpackVersions(versions, context.provenance), issues, counts, rowsRead, bytesRead };
      // Back here once the batch is committed: the worker may read one more.
      this.send({ type: 'credit' });
    }
  }

  /** Ends the worker whatever it is doing (reading ahead, or waiting for credit); its file closes with it. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private send(message: ToReader): void {
    this.worker.postMessage(message);
  }

  private failure(event: WorkerEvent): Error {
    switch (event.type) {
      case 'failed':
        this.last = event.lastRow;
        return fromThreadError(event.error);
      case 'crashed':
        return event.error;
      case 'exited':
        return new Error(`The import reader worker stopped unexpectedly (exit code ${event.code}).`);
      default:
        return new Error(`The import reader worker sent '${event.type}' out of turn.`);
    }
  }
}

/** The worker's messages, taken one at a time as the importer is ready for them. */
class Inbox {
  private readonly queue: WorkerEvent[] = [];
  private waiting: ((event: WorkerEvent) => void) | null = null;

  put(event: WorkerEvent): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(event);
    else this.queue.push(event);
  }

  next(): Promise<WorkerEvent> {
    const queued = this.queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (this.waiting = resolve));
  }
}
