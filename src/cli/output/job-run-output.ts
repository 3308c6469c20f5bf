import type { JobRun } from '../../jobs/job-runs.repository.ts';
import type { RunLog } from '../../sources/source-run.ts';

/** How a command that runs a job exits: 0 succeeded; 3 partial; 1 failed, skipped (running elsewhere) or abandoned. */
export const JOB_RUN_EXIT: Record<JobRun['status'], number> = { succeeded: 0, partial: 3, failed: 1, skipped: 1, abandoned: 1, running: 1 };

/** A run as people read it: name, id and outcome, then its counts and error, indented. */
export function runLines(run: JobRun): string {
  const counts = Object.entries(run.counts ?? {})
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
  return [
    `${run.job} (run ${run.id}): ${run.status}`,
    counts ? `  ${counts}` : null,
    run.error ? `  ${run.error.replaceAll('\n', '\n  ')}` : null,
  ]
    .filter((line) => line !== null)
    .join('\n')
    .concat('\n');
}

/** Progress goes to stderr so stdout stays the result (and parseable with --json). */
export function stderrLog(io: { stderr: { write(text: string): unknown } }): RunLog {
  const write = (level: string) => (fields: object, message: string) => {
    const shown = Object.entries(fields)
      .filter(([key]) => key !== 'err')
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    io.stderr.write(`[${level}] ${message}${shown ? ` ${shown}` : ''}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
