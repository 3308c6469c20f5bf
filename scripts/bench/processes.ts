import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { processEnvironment } from '../../src/config/environment.ts';

interface Served {
  url: string;
  child: ChildProcess;
  /** Peak resident memory of the server process so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts a server script under tsx and waits until `url` answers. */
export async function serve(script: string, args: string[], env: Record<string, string>, probeUrl: string): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...processEnvironment(), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      const response = await fetch(probeUrl);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not answer ${probeUrl}`);
    await sleep(200);
  }
  return {
    url: new URL(probeUrl).origin,
    child,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
