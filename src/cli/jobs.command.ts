import type { Command } from 'commander';
import { JobRunner } from '../jobs/job-runner.ts';
import type { Services } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import type { JobStatus } from '../status/status.service.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { JOB_RUN_EXIT, runLines, stderrLog } from './output/job-run-output.ts';
import { withServices } from './with-services.ts';

const DETAILS = `
list  every job: its kind, schedule, whether the server schedules it, next and last run. The
      server runs housekeeping jobs (summary-refresh, corrections-sweep, search-outbox-drain)
      unless HOUSEKEEPING_JOBS_ENABLED=false, and fetch jobs (udi-incremental, source:<name>)
      only when JOBS_ENABLED=true.
run   runs one job now, here, whether or not it is scheduled (a disabled source too). A job
      already running elsewhere (the server) is not started twice: the attempt is recorded
      as skipped. Names: udi-incremental, source:<name> (or just <name>), corrections-sweep,
      search-outbox-drain, summary-refresh (see also certref refresh-summaries --all).

示例 examples:
  certref jobs list [--json]
  certref jobs run <name> [--json]

exit 0: succeeded; 3: partial (some pages or files failed); 1: failed, skipped or unknown job; 2: misuse.
退出码：0 成功；3 部分失败；1 失败、跳过或无此任务；2 用法错误。
`;

/** `certref jobs list` and `certref jobs run <name>`. */
export function registerJobs(program: Command, io: CliIo, exitWith: ExitWith): void {
  const jobs = program
    .command('jobs')
    .summary('列出计划任务或立即运行一个 list the scheduled jobs, or run one now')
    .description('列出计划任务，或立即运行一个 lists the scheduled jobs, or runs one now')
    .addHelpText('after', DETAILS);
  jobs
    .command('list')
    .description('列出所有任务及其计划和上次运行 every job, its schedule, next and last run')
    .option('--json', '输出 JSON print JSON')
    .action(async (options: { json?: boolean }) =>
      exitWith(
        await jobsAction(io, (services) => {
          const report = services.status.report().jobs;
          if (options.json) io.stdout.write(`${JSON.stringify(report)}\n`);
          else for (const job of report) io.stdout.write(listLine(job));
          return 0;
        }),
      ),
    );
  jobs
    .command('run')
    .description('现在在此运行一个任务 runs one job now, here')
    .argument('<name>', "任务名称 the job's name")
    .option('--json', '输出 JSON print the run as JSON')
    .action(async (name: string, options: { json?: boolean }) =>
      exitWith(
        await jobsAction(io, async (services) => {
          const job = services.jobs.get(name);
          const runner = new JobRunner(services.jobRuns, { now: services.now, log: stderrLog(io) });
          const run = await runner.run(job, 'manual');
          io.stdout.write(options.json ? `${JSON.stringify(run)}\n` : runLines(run));
          return JOB_RUN_EXIT[run.status];
        }),
      ),
    );
}

/** An unknown job (or another coded refusal) is a failure, not a crash. */
async function jobsAction(io: CliIo, use: (services: Services) => Promise<number> | number): Promise<number> {
  try {
    return await withServices(io, use);
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr.write(`certref jobs: ${error.text.en}\n`);
      return 1;
    }
    throw error;
  }
}

function listLine(job: JobStatus): string {
  const state = job.enabled ? `scheduled "${job.schedule}", next ${job.nextRun ?? '?'}` : `not scheduled (${job.disabledReason})`;
  const last = job.lastRun ? `last: ${job.lastRun.status} ${job.lastRun.finishedAt ?? job.lastRun.startedAt}` : 'never run';
  return `${job.name} (${job.kind})\n  ${job.description}\n  ${state}; ${last}\n`;
}
