import { tempRoot } from '../../shared/temp-files.ts';
import { WorkerChannel } from '../../shared/worker/worker-channel.ts';
import type { DeviceEvent } from './udi-device-stream.ts';
import type { ReadWorkerData } from './udi-read.worker.ts';

const ENTRY = new URL('./udi-read.worker.ts', import.meta.url);
/** Batches read ahead of the writer: enough to keep both threads busy, few enough to stay small. */
const MAX_IN_FLIGHT = 3;

/** The devices of a UDI file, read by a worker thread: the same events as `readDevices`. */
export async function* readDevicesInWorker(file: string, batchSize: number): AsyncGenerator<DeviceEvent> {
  const data: ReadWorkerData = { file, batchSize, tempRoot: tempRoot() };
  const channel = new WorkerChannel<DeviceEvent>({ entry: ENTRY, data, maxInFlight: MAX_IN_FLIGHT, name: 'UDI reader' });
  try {
    for (;;) {
      const result = await channel.next();
      if (result.done) return;
      yield result.value;
      // Taken and written: the worker may read one more batch.
      if (result.value.kind === 'batch') channel.credit();
    }
  } finally {
    await channel.close();
  }
}
