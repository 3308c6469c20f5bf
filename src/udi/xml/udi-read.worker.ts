/**
 * Worker thread that reads a UDI file and posts its devices to the importer, which writes them
 * on the main thread (the SQLite connection lives there). Reading and writing then use two cores.
 * Batches wait for the importer's credit (the shared worker protocol), so memory stays flat
 * however fast the reading is. Started through the shared TypeScript worker bootstrap.
 */
import { shareTempRoot } from '../../shared/temp-files.ts';
import { WorkerSide } from '../../shared/worker/worker-side.ts';
import { type DeviceEvent, readDevices } from './udi-device-stream.ts';

export interface ReadWorkerData {
  file: string;
  batchSize: number;
  /** The process's temp folder (inner ZIPs are written there). */
  tempRoot: string;
}

await WorkerSide.serve<ReadWorkerData, DeviceEvent>(async (side) => {
  shareTempRoot(side.data.tempRoot);
  for await (const event of readDevices(side.data.file, side.data.batchSize)) {
    if (event.kind === 'batch') await side.sendBatch(event);
    else side.send(event);
  }
});
