import type { RefreshProgress } from '../certificates/summaries/summary-refresh.ts';
import { loadConfig } from '../config/config.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { summaryRefreshJob } from '../jobs/summary-refresh.job.ts';
import { createServices } from '../services.ts';
import { parseCommandArgs } from './command-args.ts';
import { JOB_RUN_EXIT, runLines, stderrLog } from './job-run-output.ts';

export interface RefreshSummariesIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The process environment, read once here into the config (nothing below reads it). */
  env: Record<string, string | undefined>;
}

const USAGE = `usage: certref refresh-summaries [--all] [--json]

Recomputes the certificates' stored summaries (product name, holder, dates, expiry: what search
and its facets show) from their versions as of today. Every summary that changes goes through the
same hooks as an import: the search index, the Meilisearch outbox and the change log
(action summary_refreshed) follow it.

  (default)  the certificates whose summary is due: a stored document has taken effect since;
             every certificate when the summaries were computed under another ranking of sources
             (SOURCES_FILE) or older summary rules (the summary-refresh job does this daily and at
             start; same as certref jobs run summary-refresh).
  --all      every certificate, 5,000 per transaction, with a progress line on stderr.

The run is recorded as a run of the summary-refresh job; while that job runs elsewhere (the
server), this one is skipped. Exit status: 0 done; 1 failed or skipped; 2 misuse.
`;

/** `certref refresh-summaries [--all]`: stored summaries recomputed, due ones or all. */
export async function runRefreshSummaries(args: string[], io: RefreshSummariesIo): Promise<number> {
  const parsed = parseCommandArgs(args, { all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    io.stderr.write(`unexpected argument: ${parsed.positionals[0]}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(io.env);
  const services = createServices(config);
  try {
    const today = services.today();
    const progress = progressLine(io);
    const options = { context: { actor: 'job:summary-refresh' }, onProgress: progress.update };
    const refresh = async () => {
      try {
        return await (parsed.values.all
          ? services.summaries.refreshAll(today, options)
          : services.summaries.refreshScheduled(today, options));
      } finally {
        progress.end();
      }
    };
    // The job's own definition around this refresh: one lease and one history with the server's runs.
    // Whether the server schedules it does not matter to a run by hand: pass the configured switch all the same.
    const job = summaryRefreshJob(refresh, config.freshness.schedules.summaryRefresh, config.freshness.housekeepingEnabled);
    const run = await new JobRunner(services.jobRuns, { now: services.now, log: stderrLog(io) }).run(job, 'manual');
    io.stdout.write(parsed.values.json ? `${JSON.stringify(run)}\n` : runLines(run));
    return JOB_RUN_EXIT[run.status];
  } finally {
    services.close();
  }
}

/** One line rewritten in place on a terminal; elsewhere (a log file) a line per tenth of the way. */
function progressLine(io: RefreshSummariesIo): { update: (progress: RefreshProgress) => void; end: () => void } {
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
