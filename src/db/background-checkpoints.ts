import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Often enough that the server's own writes keep the WAL small, rarely enough to cost nothing. */
const CHECKPOINT_EVERY_MS = 2_000;

/**
 * Moves the server's WAL checkpoints off its event loop. SQLite checkpoints after a commit on the
 * committing connection: after a ticket's few rows, the server would copy (and fsync) every page a
 * CLI import committed since the last checkpoint, for hundreds of milliseconds. Here a worker
 * thread with its own connection checkpoints on a timer instead. Returns the function that stops it.
 */
export function checkpointInBackground(
  sqlite: Database.Database,
  databasePath: string,
  everyMs = CHECKPOINT_EVERY_MS,
): () => Promise<void> {
  if (databasePath === ':memory:') return async () => {};
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint.worker.mjs', import.meta.url), { workerData: { databasePath } });
  worker.unref();
  let inFlight = false;
  worker.on('message', () => (inFlight = false));
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = true;
    worker.postMessage('checkpoint');
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await worker.terminate();
  };
}
