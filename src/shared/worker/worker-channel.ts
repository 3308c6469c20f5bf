import { Worker } from 'node:worker_threads';
import { fromThreadError } from './thread-errors.ts';
import type { FromWorker, ToWorker, WorkerEnvelope } from './worker-protocol.ts';

const BOOTSTRAP = new URL('./typescript-worker.bootstrap.mjs', import.meta.url);

type WorkerEvent<Message> = FromWorker<Message> | { type: 'crashed'; error: Error } | { type: 'exited'; code: number };

interface WorkerChannelOptions<Data> {
  /** The TypeScript module the worker runs (`new URL('./x.worker.ts', import.meta.url)`); it uses `WorkerSide`. */
  entry: URL;
  data: Data;
  /** Batches the worker may post ahead of the `credit`s returned. */
  maxInFlight: number;
  /** Says which worker failed, in errors that did not come from the worker's own code. */
  name: string;
}

/**
 * The reading thread's end of a reader worker: starts it (TypeScript, through the tsx bootstrap),
 * takes its messages one at a time, rebuilds its errors (a coded AppError stays one) and ends it.
 * The caller must `close()` on every path: a worker waiting for credit never ends by itself.
 */
export class WorkerChannel<Message, Reply = never> {
  private readonly queue: WorkerEvent<Message>[] = [];
  private waiting: ((event: WorkerEvent<Message>) => void) | null = null;
  private readonly worker: Worker;

  constructor(private readonly options: WorkerChannelOptions<unknown>) {
    const workerData: WorkerEnvelope<unknown> = { entry: options.entry.href, data: options.data, maxInFlight: options.maxInFlight };
    // No inherited execArgv: the bootstrap registers tsx itself (the parent's flags would not reach the entry).
    this.worker = new Worker(BOOTSTRAP, { workerData, execArgv: [] });
    this.worker.on('message', (event: FromWorker<Message>) => this.put(event));
    this.worker.on('error', (error) => this.put({ type: 'crashed', error }));
    this.worker.on('messageerror', (error) => this.put({ type: 'crashed', error }));
    this.worker.on('exit', (code) => this.put({ type: 'exited', code }));
  }

  /** The worker's next message, or done once it has ended; throws what made it fail. */
  async next(): Promise<IteratorResult<Message, undefined>> {
    const event = await this.take();
    switch (event.type) {
      case 'message':
        return { done: false, value: event.message };
      case 'end':
        return { done: true, value: undefined };
      case 'failed':
        throw fromThreadError(event.error);
      case 'crashed':
        throw event.error;
      case 'exited':
        throw new Error(`The ${this.options.name} worker stopped unexpectedly (exit code ${event.code}).`);
    }
  }

  /** A batch was taken: the worker may post one more. */
  credit(): void {
    this.post({ type: 'credit' });
  }

  send(message: Reply): void {
    this.post({ type: 'message', message });
  }

  /** Ends the worker whatever it is doing (reading ahead, or waiting for credit); its files close with it. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(event: ToWorker<Reply>): void {
    this.worker.postMessage(event);
  }

  private put(event: WorkerEvent<Message>): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(event);
    else this.queue.push(event);
  }

  private take(): Promise<WorkerEvent<Message>> {
    const queued = this.queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => (this.waiting = resolve));
  }
}
