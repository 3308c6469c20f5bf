/**
 * Worker thread that reads a UDI file and posts its devices to the importer, which writes them
 * on the main thread (the SQLite connection lives there). Reading and writing then use two cores.
 * At most `credits` batches are in flight: the worker waits for the importer to take one before
 * reading on, so memory stays flat however fast the reading is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { shareTempRoot } from '../../shared/temp-files.ts';
import { type DeviceEvent, readDevices } from './udi-device-stream.ts';

export interface ReadWorkerData {
  file: string;
  batchSize: number;
  credits: number;
  /** The process's temp folder (inner ZIPs are written there). */
  tempRoot: string;
}

/** Messages to the importer. */
export type ReadWorkerMessage = DeviceEvent | { kind: 'done' } | { kind: 'error'; message: string };

const port = parentPort!;
const { file, batchSize, credits: initialCredits, tempRoot } = workerData as ReadWorkerData;
shareTempRoot(tempRoot);
let credits = initialCredits;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

function post(message: ReadWorkerMessage): void {
  port.postMessage(message);
}

try {
  for await (const event of readDevices(file, batchSize)) {
    if (event.kind === 'batch') {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
    }
    post(event);
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
}
port.close();
