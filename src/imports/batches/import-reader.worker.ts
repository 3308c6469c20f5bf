// The reader worker: opens the file, reads and validates its rows, and posts them as packed
// batches to the importing thread, which only stores them. Started through the shared TypeScript
// worker bootstrap; the conversation is described in reader-protocol.ts.
import { WorkerSide } from '../../shared/worker/worker-side.ts';
import { openTable } from '../rows/table-reader.ts';
import { VersionPacker } from '../version-packing.ts';
import { BatchReader } from './batch-reader.ts';
import type { ReadBatch } from './read-batch.ts';
import type { FromReader, PackedBatch, ReaderWorkerData, ToReader } from './reader-protocol.ts';

await WorkerSide.serve<ReaderWorkerData, FromReader, ToReader>(async (side) => {
  const { data } = side;
  let bytesRead = 0;
  const table = await openTable(
    { path: data.path, head: Buffer.from(data.head) },
    data.detected,
    (bytes) => (bytesRead += bytes),
    data.maxDecompressedBytes,
  );
  const reader = new BatchReader(table, data.batchSize, () => bytesRead);
  try {
    side.send({ type: 'opened', headerRow: reader.headerRow, ignoredColumns: reader.ignoredColumns });
    const { context } = await side.receive();
    const packer = new VersionPacker();
    for await (const batch of reader.batches(context)) {
      const packed = pack(batch, packer, reader.lastRow);
      // Packed: this loop would otherwise hold the rows while the next batch is read.
      batch.inputs = [];
      // The slots' buffer moves to the importer instead of being copied.
      await side.sendBatch({ type: 'batch', batch: packed }, [packed.versions.slots.buffer]);
    }
  } catch (error) {
    // Where reading stopped, for the importer's message; a refused header (above) stops before any row.
    side.send({ type: 'stopped', lastRow: reader.lastRow });
    throw error;
  } finally {
    await reader.close();
  }
});

function pack(batch: ReadBatch, packer: VersionPacker, lastRow: number | null): PackedBatch {
  for (const input of batch.inputs) packer.add(input);
  const { issues, counts, rowsRead, bytesRead } = batch;
  return { versions: packer.take(), issues, counts, rowsRead, bytesRead, lastRow };
}
