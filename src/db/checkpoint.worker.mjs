// Checkpoints the WAL on its own connection, off the server's event loop (db/background-checkpoints.ts).
// Plain JavaScript: it needs nothing but better-sqlite3, and Node 20 runs no TypeScript in a worker.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const sqlite = new Database(workerData.databasePath);
// PASSIVE never waits for a writer or reader; what they still hold is copied next time.
parentPort.on('message', () => {
  try {
    parentPort.postMessage({ done: sqlite.pragma('wal_checkpoint(PASSIVE)', { simple: false }) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
