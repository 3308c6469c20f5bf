import type { ThreadError } from './thread-errors.ts';

/**
 * What a reader worker and the thread it reads for say to each other, whatever they read. The
 * worker posts messages, those that carry a batch at most `maxInFlight` ahead of the `credit`s
 * the reading thread returns as it takes them, then `end` (or `failed`, at any point). The reading
 * thread may also send messages of its own (the import's `start`).
 */
export type FromWorker<Message> = { type: 'message'; message: Message } | { type: 'end' } | { type: 'failed'; error: ThreadError };

export type ToWorker<Message> = { type: 'message'; message: Message } | { type: 'credit' };

/** The worker's `workerData`: which module the bootstrap loads, and the worker's own data. */
export interface WorkerEnvelope<Data> {
  entry: string;
  data: Data;
  maxInFlight: number;
}
