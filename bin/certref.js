#!/usr/bin/env node
// The installed entry point: the TypeScript CLI through tsx, so there is no build step. In this
// process, not a child: a child would outlive this process when it is killed (kill -9 cannot be
// passed on), and would keep serving or importing with no one to stop it.
// tsx resolves from this file, not from the working directory: `certref` run from anywhere
// (npm link, a cron job in /) must find the tsx it was installed with.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
runCli(process.argv.slice(2));
