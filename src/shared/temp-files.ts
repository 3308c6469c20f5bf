import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every temporary file certref makes lives under one folder per process, `certref-<pid>-<random>`
 * in the system's temp folder, so that what a killed process left behind can be told from what a
 * running one is using: the next start removes the folders whose process is gone. The random part
 * keeps a restarted process that got the same pid (a container's pid 1) off its predecessor's folder.
 */
const PREFIX = 'certref-';
const FOLDER = /^certref-(\d+)-[0-9a-f]{12}$/;

let root: string | null = null;

/** This process's folder, made on first use and removed when the process exits normally. */
export function tempRoot(): string {
  if (root === null) {
    const made = path.join(os.tmpdir(), `${PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
    fs.mkdirSync(made, { recursive: true, mode: 0o700 });
    process.once('exit', () => fs.rmSync(made, { recursive: true, force: true }));
    root = made;
  }
  return root;
}

/**
 * For a worker thread: use the folder its process already has (passed in its workerData), so that
 * the process keeps one folder and the main thread's exit removes it.
 */
export function shareTempRoot(folder: string): void {
  root = folder;
}

export interface TempDir {
  path: string;
  /** Removes the folder and everything in it; safe to call more than once. */
  dispose(): Promise<void>;
}

/** A fresh folder under this process's temp folder; the caller disposes of it in a `finally`. */
export async function makeTempDir(label: string): Promise<TempDir> {
  const made = await fs.promises.mkdtemp(path.join(tempRoot(), `${label}-`));
  return { path: made, dispose: () => fs.promises.rm(made, { recursive: true, force: true }) };
}

/**
 * Removes the temp folders of certref processes that no longer run (killed, or crashed before
 * their exit handler). Called once at start by the server and the command line; returns what it removed.
 */
export async function sweepLeftoverTempDirs(parent: string = os.tmpdir()): Promise<string[]> {
  const names = await fs.promises.readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(FOLDER.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isSafeInteger(pid) || isRunning(pid)) continue;
    const folder = path.join(parent, name);
    await fs.promises.rm(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/** Whether the process `pid` still runs: what a killed process left behind can be removed, a running one's not. */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user. Only ESRCH says there is no such process.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
