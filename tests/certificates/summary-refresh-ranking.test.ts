import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { VersionInput } from '../../src/certificates/version-input.ts';
import { testConfig } from '../../src/config/config.ts';
import { normalise } from '../../src/numbers/normalise.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';
import { cliCommand } from '../helpers/cli-io.ts';

const runRefreshSummaries = cliCommand('refresh-summaries');

/**
 * The stored summaries were computed under the ranking of sources the sources file gave then
 * (docs/certificates.md §5). When the file ranks them differently, the summary-refresh job's next run
 * (or `certref refresh-summaries --all`) recomputes every summary, and search and the change log
 * follow the ones that changed.
 */

const CONTESTED = '粤械注准20232140777';
const PLAIN = '粤械注准20232140778';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-ranking-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A sources file naming `alpha` and `beta`, one a detail page (the certificate itself) and the other an announcement. */
function sourcesFile(detail: 'alpha' | 'beta'): string {
  const file = path.join(dir, `sources-${detail}.json`);
  const source = (name: string) =>
    name === detail
      ? { name, shape: 'detail', enabled: false, url: 'http://127.0.0.1:9/{number}', schedule: '0 3 * * *' }
      : { name, shape: 'announcement', enabled: false, url: 'http://127.0.0.1:9/list', schedule: '0 4 * * *' };
  fs.writeFileSync(file, JSON.stringify({ sources: [source('alpha'), source('beta')] }));
  return file;
}

const databasePath = () => path.join(dir, 'certref.db');
const quiet = () => {};
/** A run as the scheduler starts it. */
const SCHEDULED = { trigger: 'schedule' as const, log: { info: quiet, warn: quiet, error: quiet } };

function servicesWith(sources: string): Services {
  const base = testConfig();
  return createServices(testConfig({ databasePath: databasePath(), freshness: { ...base.freshness, sourcesFile: sources } }), {
    now: () => new Date('2026-11-25T04:00:00Z'),
  });
}

type Document = Omit<VersionInput, 'number' | 'asIssued' | 'provenance'>;

function store(services: Services, number: string, documents: [source: string, fields: Document][]): void {
  const parsed = normalise(number, { currentYear: 2026 }).numbers[0]!;
  services.writer.write(
    documents.map(([source, fields], index) => ({
      ...fields,
      number: parsed,
      asIssued: number,
      provenance: { source, sourceRef: `${source}.ref`, sourceRow: index + 1, fetchedAt: '2026-11-01T00:00:00.000Z' },
    })),
    services.today(),
    { actor: 'test' },
  );
}

/** Two pages give the same certificate (same expiry) different approval dates. */
const fromAlpha: Document = {
  documentType: 'registration',
  approvalDate: '2023-04-18',
  expiryDate: '2028-04-09',
  productName: '医用外科口罩',
};
const fromBeta: Document = {
  documentType: 'registration',
  approvalDate: '2023-04-10',
  effectiveDate: '2023-04-10',
  expiryDate: '2028-04-09',
  productName: '医用外科口罩',
};

const storedApproval = (services: Services, canonical: string) =>
  services.database.sqlite.prepare('SELECT approval_date FROM certificates WHERE canonical = ?').pluck().get(canonical);

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATABASE_PATH: databasePath(), DEMO_DATA: 'false', LOG_LEVEL: 'silent', SOURCES_FILE: sourcesFile('beta') };
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env } };
}

describe('after the sources file ranks sources differently', () => {
  it('refresh-summaries --all rewrites the summaries the new ranking changes, and only those', async () => {
    const before = servicesWith(sourcesFile('alpha'));
    store(before, CONTESTED, [
      ['html:alpha', fromAlpha],
      ['html:beta', fromBeta],
    ]);
    store(before, PLAIN, [
      ['import', { documentType: 'registration', approvalDate: '2022-01-05', expiryDate: '2027-01-04', productName: '医用棉签' }],
    ]);
    expect(storedApproval(before, CONTESTED)).toBe('2023-04-18');
    before.close();

    // Under the new ranking the live answers change at once; the stored summary does not.
    const stale = servicesWith(sourcesFile('beta'));
    const staleApp = await buildApp(stale);
    const autofill = await staleApp.inject({ url: `/v1/autofill?number=${encodeURIComponent(CONTESTED)}` });
    expect(autofill.json()).toMatchObject({ approvalDate: '2023-04-10', basedOn: { source: 'html:beta' } });
    expect(storedApproval(stale, CONTESTED)).toBe('2023-04-18');
    await staleApp.close();
    stale.close();

    const run = cliIo();
    expect(await runRefreshSummaries(['--all'], run.io)).toBe(0);
    expect(run.out.join('')).toMatch(/^summary-refresh \(run \d+\): succeeded\n {2}all 2, checked 2, changed 1\n$/);
    expect(run.err.join('')).toContain('2 / 2 certificates checked, 1 changed');

    const after = servicesWith(sourcesFile('beta'));
    const app = await buildApp(after);
    try {
      expect(storedApproval(after, CONTESTED)).toBe('2023-04-10');
      const hits = (await app.inject({ url: '/v1/search', query: { q: CONTESTED } })).json().hits;
      expect(hits[0]).toMatchObject({ canonical: CONTESTED, approvalDate: '2023-04-10' });

      const changes = after.changeLog.list({ entity: 'certificate', limit: 100 });
      expect(changes.filter((c) => c.action === 'summary_refreshed')).toEqual([
        expect.objectContaining({
          entityId: CONTESTED,
          actor: 'job:summary-refresh',
          before: expect.objectContaining({ approvalDate: '2023-04-18' }),
        }),
      ]);
      expect(after.jobRuns.latest('summary-refresh', 1)[0]).toMatchObject({
        trigger: 'manual',
        status: 'succeeded',
        counts: { all: 2, checked: 2, changed: 1 },
      });
    } finally {
      await app.close();
      after.close();
    }

    // Without --all, only what is due: nothing here.
    const due = cliIo();
    expect(await runRefreshSummaries(['--json'], due.io)).toBe(0);
    expect(JSON.parse(due.out.join(''))).toMatchObject({
      job: 'summary-refresh',
      status: 'succeeded',
      counts: { due: 0, checked: 0, changed: 0 },
    });
  });

  it('the job recomputes every summary by itself on its first run under the new ranking', async () => {
    const before = servicesWith(sourcesFile('alpha'));
    store(before, CONTESTED, [
      ['html:alpha', fromAlpha],
      ['html:beta', fromBeta],
    ]);
    store(before, PLAIN, [
      ['import', { documentType: 'registration', approvalDate: '2022-01-05', expiryDate: '2027-01-04', productName: '医用棉签' }],
    ]);
    before.close();

    // The daily job, or its run at start: no one has to remember --all.
    const after = servicesWith(sourcesFile('beta'));
    try {
      const job = after.jobs.get('summary-refresh');
      expect((await job.run(SCHEDULED)).counts).toEqual({ all: 2, checked: 2, changed: 1 });
      expect(storedApproval(after, CONTESTED)).toBe('2023-04-10');
      // The new ranking is recorded: the next run takes only what is due.
      expect((await job.run(SCHEDULED)).counts).toEqual({ due: 0, checked: 0, changed: 0 });
    } finally {
      after.close();
    }

    // Back to the first ranking: every summary once more.
    const back = servicesWith(sourcesFile('alpha'));
    try {
      expect((await back.jobs.get('summary-refresh').run(SCHEDULED)).counts).toEqual({ all: 2, checked: 2, changed: 1 });
      expect(storedApproval(back, CONTESTED)).toBe('2023-04-18');
    } finally {
      back.close();
    }
  });

  it('says how to use it', async () => {
    const run = cliIo();
    expect(await runRefreshSummaries(['--everything'], run.io)).toBe(2);
    expect(run.err.join('')).toContain('usage: certref refresh-summaries');
    expect(await runRefreshSummaries(['all'], run.io)).toBe(2);
  });
});
