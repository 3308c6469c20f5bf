import type { Readable } from 'node:stream';
import type { UdiDeviceRecord } from '../udi-device.ts';
import { xmlEntries } from './udi-file-entries.ts';
import { UdiXmlReader } from './udi-xml-reader.ts';
import type { SanitiserCounts } from './xml-sanitiser.ts';
import { decodeXml } from './xml-text-decoder.ts';

/** What reading a UDI file produces, in order: batches of devices, and a summary per XML document. */
export type DeviceEvent =
  | {
      kind: 'batch';
      entry: string;
      /** 1-based position of each device in its document, the device, and the tag of a value too long to keep. */
      devices: { index: number; record: UdiDeviceRecord; tooLong: string | null }[];
      /** XML bytes read so far (decompressed), for progress. */
      bytesRead: number;
    }
  | { kind: 'entry'; name: string; declared: number | null; read: number; repairs: SanitiserCounts };

/**
 * Reads every device of a UDI file (XML, ZIP, nested ZIPs) in this thread, `batchSize` at a time.
 * A document that is not well-formed throws after the batches read before the fault.
 */
export async function* readDevices(file: string, batchSize: number): AsyncGenerator<DeviceEvent> {
  let bytesRead = 0;
  for await (const entry of xmlEntries(file)) {
    let pending: { index: number; record: UdiDeviceRecord; tooLong: string | null }[] = [];
    const reader = new UdiXmlReader((record, tooLong) => pending.push({ index: reader.devices, record, tooLong }));
    let failure: unknown = null;
    try {
      for await (const text of decodeXml(countBytes(entry.stream, (n) => (bytesRead += n)))) {
        reader.write(text);
        if (pending.length >= batchSize) {
          yield { kind: 'batch', entry: entry.name, devices: pending, bytesRead };
          pending = [];
        }
      }
      reader.end();
      if (pending.length > 0) yield { kind: 'batch', entry: entry.name, devices: pending, bytesRead };
    } catch (error) {
      failure = error;
    } finally {
      entry.stream.destroy();
    }
    // Reported for a broken document too: what was repaired and read before the fault.
    yield { kind: 'entry', name: entry.name, declared: reader.declaredCount, read: reader.devices, repairs: { ...reader.repairs } };
    if (failure) throw failure;
  }
}

async function* countBytes(stream: Readable, count: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    count(chunk.length);
    yield chunk;
  }
}
