// The reader worker's entry point. Node 20 runs no TypeScript, and in a worker the hooks of
// `execArgv: ['--import', 'tsx']` do not reach the entry module ("Unknown file extension .ts"),
// whether the parent runs under tsx or vitest; so this plain module registers tsx and then loads
// the TypeScript worker. tsx resolves from this file, not from the working directory.
import { register } from 'tsx/esm/api';

register();
await import('./import-reader.worker.ts');
