import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const probe = path.join(import.meta.dirname, 'giant-node-probe.ts');

describe('a UDI file with giant text nodes', () => {
  it('imports in a small heap, refusing and reporting each device whose value was too long', () => {
    // Two nodes of 64 MB of UTF-8 (21M characters) each, in a heap of 96 MB.
    const output = execFileSync(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', probe, '64'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const { sizeBytes, outcome, stored } = JSON.parse(output);
    expect(sizeBytes).toBeGreaterThan(128 * 1024 * 1024);
    expect(outcome.run).toMatchObject({ status: 'completed', devicesRead: 4, devicesRejected: 2 });
    expect(outcome.run.details.rejections).toEqual([
      { entry: 'giant.xml', device: 2, recordKey: 'key-2', reason: 'field_too_long', value: 'cpmctymc' },
      { entry: 'giant.xml', device: 3, recordKey: 'key-3', reason: 'field_too_long', value: 'bzcpbs' },
    ]);
    expect(stored).toEqual([{ recordKey: 'key-1' }, { recordKey: 'key-4' }]);
  }, 120_000);
});
