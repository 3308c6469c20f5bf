// The reader worker: opens the file, reads and validates its rows, and posts them as packed
// batches to the importing thread, which only stores them. Started through
// import-reader.bootstrap.mjs; the conversation is described in reader-protocol.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { RowContext } from '../rows/row-validator.ts';
import { openTable } from '../rows/table-reader.ts';
import { VersionPacker } from '../version-packing.ts';
import { BatchReader } from './batch-reader.ts';
import type { ReadBatch } from './read-batch.ts';
import type { FromReader, PackedBatch, ReaderWorkerData, ToReader } from './reader-protocol.ts';
import { toThreadError } from './thread-errors.ts';

const port = parentPort!;
const data = workerData as ReaderWorkerData;

let context: RowContext | null = null;
/** Batches this worker may still post before the importer has committed earlier ones. */
let credits = 0;
let wake: (() => void) | null = null;
const onMessage = (message: ToReader): void => {
  if (message.type === 'start') {
    context = message.context;
    credits = data.maxInFlight;
  } else {
    credits++;
  }
  wake?.();
};
port.on('message', onMessage);

await read();
// Nothing more to say: the worker ends once its port no longer holds the event loop open.
port.off('message', onMessage);

async function read(): Promise<void> {
  let bytesRead = 0;
  let reader: BatchReader;
  try {
    const table = await openTable(
      { path: data.path, head: Buffer.from(data.head) },
      data.detected,
      (bytes) => (bytesRead += bytes),
      data.maxDecompressedBytes,
    );
    reader = new BatchReader(table, data.batchSize, () => bytesRead);
  } catch (error) {
    post({ type: 'failed', error: toThreadError(error), lastRow: null });
    return;
  }
  try {
    post({ type: 'opened', headerRow: reader.headerRow, ignoredColumns: reader.ignoredColumns });
    await until(() => context !== null);
    const packer = new VersionPacker();
    for await (const batch of reader.batches(context!)) {
      await until(() => credits > 0);
      credits--;
      const packed = pack(batch, packer, reader.lastRow);
      // Packed: this loop would otherwise hold the rows while the next batch is read.
      batch.inputs = [];
      // The slots' buffer moves to the importer instead of being copied.
      port.postMessage({ type: 'batch', batch: packed } satisfies FromReader, [packed.versions.slots.buffer]);
    }
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'failed', error: toThreadError(error), lastRow: reader.lastRow });
  } finally {
    await reader.close();
  }
}

async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
}

function pack(batch: ReadBatch, packer: VersionPacker, lastRow: number | null): PackedBatch {
  for (const input of batch.inputs) packer.add(input);
  const { issues, counts, rowsRead, bytesRead } = batch;
  return { versions: packer.take(), issues, counts, rowsRead, bytesRead, lastRow };
}

function post(message: FromReader): void {
  port.postMessage(message);
}
