/**
 * Child process for udi-memory.test.ts (run with --expose-gc): imports a generated UDI file and
 * prints the heap after a full collection at each quarter of the devices, as JSON. Mode `thread`
 * reads in this thread, so the reader's memory is measured too; `worker` is what large files get.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBenchXml } from '../../scripts/bench-udi-data.ts';
import { probeImporter } from './helpers.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-udi-mem-'));
const file = path.join(dir, 'udi.xml');
const devices = writeBenchXml(file, Number(process.argv[2] ?? 40) * 1024 * 1024);
const { services, importer } = probeImporter(dir, process.argv[3] === 'worker' ? 0 : Number.POSITIVE_INFINITY);
const heap: number[] = [];
let next = devices / 4;
await importer.importPath(file, {
  trigger: 'test',
  onProgress: (progress) => {
    if (progress.devicesRead < next) return;
    next += devices / 4;
    gc();
    heap.push(process.memoryUsage().heapUsed);
  },
});
services.close();
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ devices, heap }));
