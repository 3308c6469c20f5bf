import type { Command } from 'commander';
import { bundleBuildCounts } from '../bundles/bundle-build.job.ts';
import type { BuildReport } from '../bundles/bundle-builder.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import type { Services } from '../services.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { JOB_RUN_EXIT, runLines, stderrLog } from './output/job-run-output.ts';
import { withServices } from './with-services.ts';

const DETAILS = `
Writes an offline bundle of all public certificate data into BUNDLES_DIR (default: bundles/
beside DATABASE_PATH): certref.sqlite (certificates, versions, links, provenance; no keys,
tickets, requesters or audit), certificates.jsonl.gz (one certificate with its versions per line)
and manifest.json (checksums, row counts, the change feed cursor at the snapshot). Older bundles
beyond BUNDLES_KEEP are deleted. The run is recorded as a run of the bundle-build job.
生成离线数据包（SQLite、JSON Lines 与清单）到 BUNDLES_DIR，并按 BUNDLES_KEEP 删除旧包。
退出码：0 完成；1 失败或跳过；2 用法错误。 Exit status: 0 done; 1 failed or skipped; 2 misuse.
`;

interface BuildOptions {
  json?: boolean;
}

/** `certref bundle build`: an offline bundle now, as the nightly job writes it. */
export function registerBundle(program: Command, io: CliIo, exitWith: ExitWith): void {
  const bundle = program.command('bundle').summary('离线数据包 offline bundles: build').description('离线数据包 offline bundles');
  bundle
    .command('build')
    .summary('生成离线数据包 build an offline bundle now')
    .description('生成离线数据包 writes an offline bundle of all public certificate data')
    .option('--json', '输出 JSON print the manifest as JSON')
    .addHelpText('after', DETAILS)
    .action(async (options: BuildOptions) => exitWith(await withServices(io, (services) => build(services, options, io))));
}

async function build(services: Services, options: BuildOptions, io: CliIo): Promise<number> {
  let report: BuildReport | null = null;
  const registered = services.jobs.get('bundle-build');
  // The registered job's own definition, around a build whose report this command prints: one lease and one history with the server's runs.
  const job = {
    ...registered,
    run: async () => {
      report = await services.bundles.build();
      return { outcome: 'succeeded' as const, counts: bundleBuildCounts(report) };
    },
  };
  const run = await new JobRunner(services.jobRuns, { now: services.now, log: stderrLog(io) }).run(job, 'manual');
  const built = report as BuildReport | null;
  if (options.json) io.stdout.write(`${JSON.stringify(built?.manifest ?? run)}\n`);
  else {
    io.stdout.write(runLines(run));
    if (built) io.stdout.write(`离线数据包已生成 bundle written: ${built.folder}\n`);
  }
  return JOB_RUN_EXIT[run.status];
}
