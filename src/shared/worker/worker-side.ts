import { parentPort, workerData } from 'node:worker_threads';
import { toThreadError } from './thread-errors.ts';
import type { FromWorker, ToWorker, WorkerEnvelope } from './worker-protocol.ts';

/**
 * A reader worker's end of its `WorkerChannel`. `serve` runs the worker's work and then says `end`,
 * or `failed` with the error as parts (an AppError is rebuilt with its code on the other side).
 */
export class WorkerSide<Data, Message, Reply = never> {
  readonly data: Data;
  /** Batches this worker may still post before the reading thread has taken earlier ones. */
  private credits: number;
  private readonly replies: Reply[] = [];
  private wake: (() => void) | null = null;
  private readonly port = parentPort!;
  private readonly onMessage = (event: ToWorker<Reply>): void => {
    if (event.type === 'credit') this.credits++;
    else this.replies.push(event.message);
    this.wake?.();
  };

  private constructor() {
    const envelope = workerData as WorkerEnvelope<Data>;
    this.data = envelope.data;
    this.credits = envelope.maxInFlight;
    this.port.on('message', this.onMessage);
  }

  static async serve<Data, Message, Reply = never>(work: (side: WorkerSide<Data, Message, Reply>) => Promise<void>): Promise<void> {
    const side = new WorkerSide<Data, Message, Reply>();
    try {
      await work(side);
      side.post({ type: 'end' });
    } catch (error) {
      side.post({ type: 'failed', error: toThreadError(error) });
    } finally {
      // Nothing more to say: the worker ends once its port no longer holds the event loop open.
      side.port.off('message', side.onMessage);
    }
  }

  /** A message that carries no batch (a header, a summary): posted at once. */
  send(message: Message): void {
    this.post({ type: 'message', message });
  }

  /** A batch: waits until the reading thread has room for it. `transfer` moves buffers instead of copying them. */
  async sendBatch(message: Message, transfer: readonly ArrayBuffer[] = []): Promise<void> {
    await this.until(() => this.credits > 0);
    this.credits--;
    this.port.postMessage({ type: 'message', message } satisfies FromWorker<Message>, [...transfer]);
  }

  /** The reading thread's next message to this worker. */
  async receive(): Promise<Reply> {
    await this.until(() => this.replies.length > 0);
    return this.replies.shift()!;
  }

  private post(event: FromWorker<Message>): void {
    this.port.postMessage(event);
  }

  private async until(ready: () => boolean): Promise<void> {
    while (!ready()) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
  }
}
