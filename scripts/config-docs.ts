/**
 * `npm run config:docs`: writes `.env.example` and the README's configuration tables from the
 * config schema (src/config/config.ts), the one place keys are defined. `-- --check` writes
 * nothing and exits 1 when either file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEnvExample, withReadmeTable } from '../src/config/config-docs.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Brings the generated files under `root` up to date (or, checking, only compares); returns the stale ones. */
export function syncConfigDocs(root: string, mode: 'write' | 'check'): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const generated: Record<string, string> = { '.env.example': renderEnvExample(), 'README.md': withReadmeTable(readme) };
  const stale: string[] = [];
  for (const [file, expected] of Object.entries(generated)) {
    const target = path.join(root, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (current === expected) continue;
    stale.push(file);
    if (mode === 'write') fs.writeFileSync(target, expected);
  }
  return stale;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = syncConfigDocs(ROOT, check ? 'check' : 'write');
  if (check && stale.length > 0) {
    console.error(`与配置定义不一致 / out of date with the config schema: ${stale.join(', ')}；运行 / run: npm run config:docs`);
    process.exitCode = 1;
  } else {
    console.log(stale.length === 0 ? '已是最新 / up to date' : `已更新 / updated: ${stale.join(', ')}`);
  }
}
