import { AppError } from '../shared/app-error.ts';
import { downloadUdi, type UdiDownloadDeps } from '../udi/udi-download.ts';
import type { UdiImporter } from '../udi/udi-importer.ts';
import type { JobDefinition, JobResult } from './job.types.ts';
import { switchedOffReason } from './job-switch.ts';

export interface UdiIncrementalDeps {
  importer: UdiImporter;
  download: UdiDownloadDeps;
  /** Where daily files are dropped (by hand or by another tool); also where downloads go. */
  dir: string | null;
  /** A file or the download page listing daily files. */
  url: string | null;
  /** Where downloads go when no directory is configured. */
  downloadDir: string;
  schedule: string;
  /** JOBS_ENABLED: the job downloads from NMPA, so the operator opts in. */
  jobsEnabled: boolean;
}

const UDI_INCREMENTAL_JOB = 'udi-incremental';

/**
 * The UDI increment: fetch new daily files from the URL (if set), then import every file of the
 * directory not imported yet, oldest first, so later versions of a record land last.
 */
export function udiIncrementalJob(deps: UdiIncrementalDeps): JobDefinition {
  const configured = deps.dir !== null || deps.url !== null;
  return {
    name: UDI_INCREMENTAL_JOB,
    description: 'Imports new NMPA UDI daily files from UDI_INCREMENTAL_DIR and/or UDI_INCREMENTAL_URL',
    kind: 'fetch',
    schedule: deps.schedule,
    enabled: deps.jobsEnabled && configured,
    disabledReason: !configured
      ? 'neither UDI_INCREMENTAL_DIR nor UDI_INCREMENTAL_URL is set'
      : switchedOffReason('fetch', deps.jobsEnabled),
    source: 'udi',
    async run(): Promise<JobResult> {
      if (!configured) return { outcome: 'failed', counts: {}, error: 'neither UDI_INCREMENTAL_DIR nor UDI_INCREMENTAL_URL is set' };
      const counts = {
        filesDownloaded: 0,
        filesImported: 0,
        filesSkipped: 0,
        filesFailed: 0,
        devicesRead: 0,
        devicesAdded: 0,
        devicesUpdated: 0,
        versionsAdded: 0,
        certificatesCreated: 0,
      };
      const errors: string[] = [];
      const dir = deps.dir ?? deps.downloadDir;
      if (deps.url) {
        try {
          counts.filesDownloaded = (await downloadUdi(deps.url, dir, deps.download)).downloaded.length;
        } catch (error) {
          errors.push(
            `download ${deps.url}: ${error instanceof AppError ? `${error.code}: ` : ''}${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      // Files already in the directory are imported even when the download failed.
      for (const outcome of await deps.importer.importPath(dir, { trigger: `job:${UDI_INCREMENTAL_JOB}`, skipIfImported: true })) {
        if (outcome.kind === 'skipped') {
          counts.filesSkipped++;
          continue;
        }
        const { run } = outcome;
        counts.devicesRead += run.devicesRead;
        counts.devicesAdded += run.devicesAdded;
        counts.devicesUpdated += run.devicesUpdated;
        counts.versionsAdded += run.versionsAdded;
        counts.certificatesCreated += run.certificatesCreated;
        if (run.status === 'completed') counts.filesImported++;
        else {
          counts.filesFailed++;
          errors.push(`${run.fileName} (udi run ${run.id}): ${run.error ?? 'failed'}`);
        }
      }
      const worked = counts.filesImported > 0 || counts.filesSkipped > 0 || counts.filesDownloaded > 0;
      const outcome = errors.length === 0 ? 'succeeded' : worked ? 'partial' : 'failed';
      return { outcome, counts, error: errors.length > 0 ? errors.join('\n') : null };
    },
  };
}
