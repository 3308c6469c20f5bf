import type { Command } from 'commander';
import type { AppConfig } from '../config/config.ts';
import type { Services } from '../services.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { withServices } from './with-services.ts';

const DETAILS = `
Rebuilds the embedded search index (SQLite FTS5) from the certificates table, from scratch.
With SEARCH_ENGINE=meilisearch it then builds a new Meilisearch index (<MEILI_INDEX>_reindex)
from the same rows and swaps it in; searches keep using the old one until the swap.
从证书表重建内置搜索索引；使用 Meilisearch 时另建新索引并切换过去。

Exit status: 0 done, 1 failed (e.g. Meilisearch unreachable; the embedded index is rebuilt
first and stays rebuilt), 2 misuse.
退出码：0 完成；1 失败；2 用法错误。
`;

/** `certref search-reindex`: the whole search index rebuilt, for a new database or after a bulk load. */
export function registerSearchReindex(program: Command, io: CliIo, exitWith: ExitWith): void {
  program
    .command('search-reindex')
    .summary('从头重建搜索索引 rebuild the search index from scratch')
    .description('从头重建搜索索引 rebuilds the search index from scratch')
    .option('--json', '输出 JSON print JSON')
    .addHelpText('after', DETAILS)
    .action(async (options: { json?: boolean }) =>
      exitWith(await withServices(io, (services, config) => reindex(services, config, options, io))),
    );
}

async function reindex(services: Services, config: AppConfig, options: { json?: boolean }, io: CliIo): Promise<number> {
  try {
    const started = performance.now();
    const embedded = services.search.embedded.rebuild();
    if (!options.json) {
      io.stdout.write(
        `embedded index: ${embedded.documents.toLocaleString('en')} certificates in ${(embedded.milliseconds / 1000).toFixed(1)} s\n`,
      );
    }
    const meilisearch = services.search.meilisearch ? await services.search.meilisearch.index.reindex() : null;
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ embedded, meilisearch, milliseconds: Math.round(performance.now() - started) })}\n`);
    } else if (meilisearch) {
      io.stdout.write(
        `meilisearch index ${config.search.meiliIndex}: ${meilisearch.documents.toLocaleString('en')} documents in ${(meilisearch.milliseconds / 1000).toFixed(1)} s, swapped in\n`,
      );
    }
    return 0;
  } catch (error) {
    io.stderr.write(`search-reindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
