import { loadConfig } from '../config/config.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { createServices } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import type { JobStatus } from '../status/status.service.ts';
import { parseCommandArgs } from './command-args.ts';
import { JOB_RUN_EXIT, runLines, stderrLog } from './job-run-output.ts';

export interface JobsIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The process environment, read once here into the config. */
  env: Record<string, string | undefined>;
}

const USAGE = `usage: certref jobs list [--json]
       certref jobs run <name> [--json]

list  every job: its kind, schedule, whether the server schedules it, next and last run. The
      server runs housekeeping jobs (summary-refresh, corrections-sweep, search-outbox-drain)
      unless HOUSEKEEPING_JOBS_ENABLED=false, and fetch jobs (udi-incremental, source:<name>)
      only when JOBS_ENABLED=true.
run   runs one job now, here, whether or not it is scheduled (a disabled source too). A job
      already running elsewhere (the server) is not started twice: the attempt is recorded
      as skipped. Names: udi-incremental, source:<name> (or just <name>), corrections-sweep,
      search-outbox-drain, summary-refresh (see also certref refresh-summaries --all).

exit 0: succeeded; 3: partial (some pages or files failed); 1: failed, skipped or unknown job; 2: misuse.
`;

/** `certref jobs list` and `certref jobs run <name>`. */
export async function runJobs(args: string[], io: JobsIo): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const [action, name, ...rest] = parsed.positionals;
  if (action === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if ((action !== 'list' && action !== 'run') || (action === 'list' && name) || (action === 'run' && !name) || rest.length > 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  const services = createServices(loadConfig(io.env));
  try {
    const { status, jobs } = services;
    if (action === 'list') {
      const report = status.report().jobs;
      if (parsed.values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
      else for (const job of report) io.stdout.write(listLine(job));
      return 0;
    }
    const job = jobs.get(name!);
    const runner = new JobRunner(services.jobRuns, { now: services.now, log: stderrLog(io) });
    const run = await runner.run(job, 'manual');
    io.stdout.write(parsed.values.json ? `${JSON.stringify(run)}\n` : runLines(run));
    return JOB_RUN_EXIT[run.status];
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr.write(`certref jobs: ${error.text.en}\n`);
      return 1;
    }
    throw error;
  } finally {
    services.close();
  }
}

function listLine(job: JobStatus): string {
  const state = job.enabled ? `scheduled "${job.schedule}", next ${job.nextRun ?? '?'}` : `not scheduled (${job.disabledReason})`;
  const last = job.lastRun ? `last: ${job.lastRun.status} ${job.lastRun.finishedAt ?? job.lastRun.startedAt}` : 'never run';
  return `${job.name} (${job.kind})\n  ${job.description}\n  ${state}; ${last}\n`;
}
