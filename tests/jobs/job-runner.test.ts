import { afterEach, describe, expect, it } from 'vitest';
import type { JobDefinition, JobResult } from '../../src/jobs/job.types.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import type { Services } from '../../src/services.ts';
import { capturingLog, type LogEntry } from '../sources/helpers.ts';
import { udiServices } from '../udi/helpers.ts';

let services: Services;
afterEach(() => services?.close());

function job(name: string, run: () => Promise<JobResult>): JobDefinition {
  return { name, description: name, kind: 'housekeeping', schedule: '* * * * *', enabled: true, disabledReason: null, source: null, run };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the job runner', () => {
  it('records every run: start, end, outcome, counts, error', async () => {
    services = udiServices();
    const runner = new JobRunner(services.jobRuns, { now: () => new Date(), log: capturingLog([]) });
    const ok = await runner.run(
      job('ok', async () => ({ outcome: 'succeeded', counts: { things: 3 } })),
      'manual',
    );
    expect(ok).toMatchObject({ job: 'ok', trigger: 'manual', status: 'succeeded', counts: { things: 3 }, error: null });
    expect(ok.finishedAt! >= ok.startedAt).toBe(true);

    const thrown = await runner.run(
      job('boom', async () => {
        throw new Error('the disk is full');
      }),
      'schedule',
    );
    expect(thrown).toMatchObject({ job: 'boom', trigger: 'schedule', status: 'failed', error: 'the disk is full', counts: {} });
  });

  it('never runs a job twice at once: the second attempt is recorded as skipped', async () => {
    services = udiServices();
    const log: LogEntry[] = [];
    const runner = new JobRunner(services.jobRuns, { now: () => new Date(), log: capturingLog(log) });
    const gate = deferred();
    let running = 0;
    let most = 0;
    const slow = job('slow', async () => {
      running++;
      most = Math.max(most, running);
      await gate.promise;
      running--;
      return { outcome: 'succeeded', counts: {} };
    });
    const first = runner.run(slow, 'schedule');
    const second = await runner.run(slow, 'manual');
    expect(second).toMatchObject({ status: 'skipped', trigger: 'manual' });
    expect(second.error).toMatch(/run #\d+ is still running/);
    gate.resolve();
    expect((await first).status).toBe('succeeded');
    expect(most).toBe(1);
    // Once it finished, the job runs again.
    expect((await runner.run(slow, 'manual')).status).toBe('succeeded');
  });

  it('sees runs of other processes (a shared database) and takes over from one whose heartbeat stopped', async () => {
    services = udiServices();
    const sqlite = services.database.sqlite;
    let clock = Date.parse('2026-11-25T04:00:00Z');
    const runner = new JobRunner(services.jobRuns, { now: () => new Date(clock), log: capturingLog([]), staleAfterMs: 60_000 });
    // Another process is running the job and beat a second ago.
    sqlite
      .prepare("INSERT INTO job_runs (job, trigger, status, started_at, heartbeat_at) VALUES ('x', 'schedule', 'running', ?, ?)")
      .run(new Date(clock - 5_000).toISOString(), new Date(clock - 1_000).toISOString());
    const x = job('x', async () => ({ outcome: 'succeeded', counts: {} }));
    expect((await runner.run(x, 'manual')).status).toBe('skipped');
    // Two minutes later it has not beaten again: it died. The next run marks it abandoned and goes ahead.
    clock += 120_000;
    expect((await runner.run(x, 'manual')).status).toBe('succeeded');
    const statuses = sqlite.prepare("SELECT status FROM job_runs WHERE job = 'x' ORDER BY id").all() as { status: string }[];
    expect(statuses.map((s) => s.status)).toEqual(['abandoned', 'skipped', 'succeeded']);
  });
});
