import { type AppConfig, loadConfig } from '../config/config.ts';
import { createServices } from '../services.ts';
import { parseCommandArgs } from './command-args.ts';

export interface SearchReindexIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The process environment, read once here into the config (nothing below reads it). */
  env: Record<string, string | undefined>;
}

const USAGE = `usage: certref search-reindex [--json]

Rebuilds the embedded search index (SQLite FTS5) from the certificates table, from scratch.
With SEARCH_ENGINE=meilisearch it then builds a new Meilisearch index (<MEILI_INDEX>_reindex)
from the same rows and swaps it in; searches keep using the old one until the swap.
Exit status: 0 done, 1 failed (e.g. Meilisearch unreachable; the embedded index is rebuilt
first and stays rebuilt), 2 misuse.
`;

/** `certref search-reindex`: the whole search index rebuilt, for a new database or after a bulk load. */
export async function runSearchReindex(args: string[], io: SearchReindexIo): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    io.stderr.write(`unexpected argument: ${parsed.positionals[0]}\n${USAGE}`);
    return 2;
  }
  return searchReindexWithConfig(loadConfig(io.env), { json: parsed.values.json }, io);
}

/** The command once configured; tests call it with a test config. */
export async function searchReindexWithConfig(config: AppConfig, options: { json: boolean }, io: SearchReindexIo): Promise<number> {
  const services = createServices(config);
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
  } finally {
    services.close();
  }
}
