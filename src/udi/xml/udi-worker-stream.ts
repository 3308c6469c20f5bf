import { Worker } from 'node:worker_threads';
import { tempRoot } from '../../shared/temp-files.ts';
import type { DeviceEvent } from './udi-device-stream.ts';
import type { ReadWorkerData, ReadWorkerMessage } from './udi-read.worker.ts';

const WORKER_URL = new URL('./udi-read.worker.ts', import.meta.url).href;
/** Batches read ahead of the writer: enough to keep both threads busy, few enough to stay small. */
const CREDITS = 3;

/**
 * The devices of a UDI file, read by a worker thread. The worker is TypeScript like the rest of
 * certref; it registers tsx itself so it starts the same under `tsx`, `node --import tsx` and the
 * test runner (a worker does not inherit the parent's module hooks).
 */
export async function* readDevicesInWorker(file: string, batchSize: number): AsyncGenerator<DeviceEvent> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(WORKER_URL)}); })`;
  const data: ReadWorkerData = { file, batchSize, credits: CREDITS, tempRoot: tempRoot() };
  const worker = new Worker(bootstrap, { eval: true, workerData: data });
  const queue: ReadWorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ReadWorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        if (exited) throw new Error('the UDI reader thread stopped before the end of the file');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === 'done') return;
      if (message.kind === 'error') throw new Error(message.message);
      yield message;
      // Taken and written: the worker may read one more batch.
      if (message.kind === 'batch') worker.postMessage('credit');
    }
  } finally {
    await worker.terminate();
  }
}
