import { runSource, type SourceRunnerDeps } from '../sources/source-runner.ts';
import type { SourceDefinition } from '../sources/sources-config.ts';
import type { JobDefinition, JobResult } from './job.types.ts';
import { switchedOffReason } from './job-switch.ts';

const LISTED_FAILURES = 20;

/** One job per HTML source declared in the sources file, on that source's schedule. */
export function htmlSourceJob(source: SourceDefinition, deps: Omit<SourceRunnerDeps, 'log'>, jobsEnabled: boolean): JobDefinition {
  return {
    name: `source:${source.name}`,
    description:
      source.description ??
      `${source.shape === 'detail' ? 'Certificate detail pages' : 'Announcement list'} from ${new URL(source.url.replace(/\{[a-z]+\}/g, 'x')).host}`,
    kind: 'fetch',
    schedule: source.schedule,
    enabled: jobsEnabled && source.enabled,
    disabledReason: !source.enabled ? 'disabled in the sources file' : switchedOffReason('fetch', jobsEnabled),
    source: `html:${source.name}`,
    async run(context): Promise<JobResult> {
      const { counts, failures } = await runSource(source, { ...deps, log: context.log });
      const pagesOk = counts.pagesImported + counts.pagesNotModified + counts.pagesNotFound;
      // Every page failing is a failed run; some failing is a partial one (the rest was imported).
      const outcome = counts.pagesFailed === 0 ? 'succeeded' : pagesOk > 0 ? 'partial' : 'failed';
      const error =
        failures.length === 0
          ? null
          : failures
              .slice(0, LISTED_FAILURES)
              .map((f) => `${f.code} ${f.url}: ${f.message}`)
              .join('\n');
      return { outcome, counts: { ...counts }, error };
    },
  };
}
