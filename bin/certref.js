#!/usr/bin/env node
// The installed entry point: runs the TypeScript CLI through tsx so there is no build step.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// tsx resolved from this package, not from the working directory: `certref` run from anywhere
// (npm link, a cron job in /) must find the tsx it was installed with.
const tsx = import.meta.resolve('tsx');
const result = spawnSync(process.execPath, ['--import', tsx, path.join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
