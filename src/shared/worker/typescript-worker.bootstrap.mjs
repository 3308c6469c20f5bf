// Every worker's entry point. Node 20 runs no TypeScript, and in a worker the hooks of
// `execArgv: ['--import', 'tsx']` do not reach the entry module ("Unknown file extension .ts"),
// whether the parent runs under tsx or vitest; so this plain module registers tsx and then loads
// the TypeScript worker named by its envelope (worker-protocol.ts). tsx resolves from this file,
// not from the working directory.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
