import type { Command } from 'commander';
import type { RefreshProgress } from '../certificates/summaries/summary-refresh.ts';
import type { AppConfig } from '../config/config.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { summaryRefreshJob } from '../jobs/summary-refresh.job.ts';
import type { Services } from '../services.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { JOB_RUN_EXIT, runLines, stderrLog } from './output/job-run-output.ts';
import { withServices } from './with-services.ts';

const DETAILS = `
Recomputes the certificates' stored summaries (product name, holder, dates, expiry: what search
and its facets show) from their versions as of today. Every summary that changes goes through the
same hooks as an import: the search index, the Meilisearch outbox and the change log
(action summary_refreshed) follow it.
按今天的版本重新计算证书摘要（搜索及其分面所显示的内容）。

  (default)  the certificates whose summary is due: a stored document has taken effect since;
             every certificate when the summaries were computed under another ranking of sources
             (SOURCES_FILE) or older summary rules (the summary-refresh job does this daily and at
             start; same as certref jobs run summary-refresh).
  --all      every certificate, 5,000 per transaction, with a progress line on stderr.

The run is recorded as a run of the summary-refresh job; while that job runs elsewhere (the
server), this one is skipped. Exit status: 0 done; 1 failed or skipped; 2 misuse.
退出码：0 完成；1 失败或跳过；2 用法错误。
`;

interface RefreshOptions {
  all?: boolean;
  json?: boolean;
}

/** `certref refresh-summaries [--all]`: stored summaries recomputed, due ones or all. */
export function registerRefreshSummaries(program: Command, io: CliIo, exitWith: ExitWith): void {
  program
    .command('refresh-summaries')
    .summary('重新计算证书摘要 recompute stored certificate summaries: those due, or --all')
    .description('重新计算已存的证书摘要 recomputes the stored certificate summaries')
    .option('--all', '全部证书 every certificate')
    .option('--json', '输出 JSON print the run as JSON')
    .addHelpText('after', DETAILS)
    .action(async (options: RefreshOptions) =>
      exitWith(await withServices(io, (services, config) => refreshSummaries(services, config, options, io))),
    );
}

async function refreshSummaries(services: Services, config: AppConfig, options: RefreshOptions, io: CliIo): Promise<number> {
  const today = services.today();
  const progress = progressLine(io);
  const refreshOptions = { context: { actor: 'job:summary-refresh' }, onProgress: progress.update };
  const refresh = async () => {
    try {
      return await (options.all
        ? services.summaries.refreshAll(today, refreshOptions)
        : services.summaries.refreshScheduled(today, refreshOptions));
    } finally {
      progress.end();
    }
  };
  // The job's own definition around this refresh: one lease and one history with the server's runs.
  // Whether the server schedules it does not matter to a run by hand: pass the configured switch all the same.
  const job = summaryRefreshJob(refresh, config.freshness.schedules.summaryRefresh, config.freshness.housekeepingEnabled);
  const run = await new JobRunner(services.jobRuns, { now: services.now, log: stderrLog(io) }).run(job, 'manual');
  io.stdout.write(options.json ? `${JSON.stringify(run)}\n` : runLines(run));
  return JOB_RUN_EXIT[run.status];
}

/** One line rewritten in place on a terminal; elsewhere (a log file) a line per tenth of the way. */
function progressLine(io: CliIo): { update: (progress: RefreshProgress) => void; end: () => void } {
  let shownTenth = -1;
  let open = false;
  return {
    update: ({ total, checked, changed }) => {
      const text = `${checked.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} certificates checked, ${changed.toLocaleString('en-US')} changed`;
      if (io.stderr.isTTY) {
        io.stderr.write(`\r${text}`);
        open = true;
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((checked / total) * 10);
      if (tenth > shownTenth) {
        shownTenth = tenth;
        io.stderr.write(`${text}\n`);
      }
    },
    // The runner's "job finished" line must not land on the progress line.
    end: () => {
      if (open) io.stderr.write('\n');
      open = false;
    },
  };
}
