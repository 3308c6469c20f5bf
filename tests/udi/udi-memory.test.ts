import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'memory-probe.ts');

describe('a large UDI import', () => {
  it.each(['thread', 'worker'])(
    'keeps memory flat, read in a %s: the heap after the last quarter is no larger than after the first',
    (mode) => {
      const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, '40', mode], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      const { devices, heap } = JSON.parse(output) as { devices: number; heap: number[] };
      expect(devices).toBeGreaterThan(15_000);
      expect(heap.length).toBeGreaterThanOrEqual(3);
      // Each quarter is ~10 MB of XML; a per-device leak would add megabytes per quarter.
      expect(heap.at(-1)! - heap[0]!).toBeLessThan(8 * 1024 * 1024);
    },
    120_000,
  );
});
