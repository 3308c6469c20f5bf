import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import type { Services } from '../../src/services.ts';
import { UdiBatchWriter } from '../../src/udi/udi-batch.ts';
import { UdiImporter } from '../../src/udi/udi-importer.ts';
import type { UdiRun } from '../../src/udi/udi-runs.repository.ts';
import { udiFixture, udiServices } from './helpers.ts';

const services: Services[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

/** An importer like the composition root's, reading every file in a worker thread (or none). */
function importer(useWorker: boolean): { s: Services; importer: UdiImporter } {
  const s = udiServices();
  services.push(s);
  const { udiDevices, udiRuns } = s;
  return {
    s,
    importer: new UdiImporter({
      batches: new UdiBatchWriter(s.database.sqlite, s.writer, udiDevices, udiRuns),
      runs: udiRuns,
      normalise,
      clock: s.clock,
      workerThresholdBytes: useWorker ? 0 : Number.POSITIVE_INFINITY,
    }),
  };
}

async function runOf(i: UdiImporter, file: string): Promise<UdiRun> {
  const [outcome] = await i.importPath(file, { trigger: 'test' });
  if (outcome?.kind !== 'imported') throw new Error('not imported');
  return outcome.run;
}

const comparable = (run: UdiRun) => {
  const { id: _id, startedAt: _s, finishedAt: _f, ...rest } = run;
  return rest;
};

describe('reading in a worker thread', () => {
  it('gives the same run as reading in this thread: ZIP parts, repairs, refusals, a truncated file', async () => {
    for (const fixture of ['UDID_FULL_RELEASE_20240101.zip', 'udi-full-sample.xml', 'udi-truncated.xml']) {
      const inThread = await runOf(importer(false).importer, udiFixture(fixture));
      const inWorker = await runOf(importer(true).importer, udiFixture(fixture));
      expect(comparable(inWorker)).toEqual(comparable(inThread));
    }
  });

  it('reports a document that is not well-formed, with where the parser stopped; the batch holding the fault is not written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-udi-worker-'));
    const good = fs.readFileSync(udiFixture('udi-full-sample.xml'), 'utf8');
    const file = path.join(dir, 'broken.xml');
    // Cut inside the fourth device: three whole devices, then garbage.
    fs.writeFileSync(file, `${good.slice(0, good.indexOf('REC-0004'))}</deviceRecordKey></udid>`);
    const { s, importer: i } = importer(true);
    const run = await runOf(i, file);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/\d+:\d+/);
    expect(run.details?.entries).toEqual([expect.objectContaining({ name: 'broken.xml', declared: 7 })]);
    expect((s.database.sqlite.prepare('SELECT count(*) AS n FROM udi_devices').get() as { n: number }).n).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
