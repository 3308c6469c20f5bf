import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncConfigDocs } from '../../scripts/config-docs.ts';
import { configSchema } from '../../src/config/config.ts';
import { configKeyDocs, README_END, README_START, renderEnvExample, withReadmeTable } from '../../src/config/config-docs.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('generated configuration docs', () => {
  it('.env.example is exactly what `npm run config:docs` writes', () => {
    expect(read('.env.example')).toBe(renderEnvExample());
  });

  it("README's configuration tables are exactly what `npm run config:docs` writes", () => {
    const readme = read('README.md');
    expect(readme).toContain(README_START);
    expect(readme).toBe(withReadmeTable(readme));
  });

  it('documents every schema key, with its default or example, in both files', () => {
    const envExample = read('.env.example');
    const readme = read('README.md');
    const keys = Object.keys(configSchema.shape);
    expect(configKeyDocs().map((doc) => doc.key)).toEqual(keys);
    for (const key of keys) {
      expect(envExample).toMatch(new RegExp(`^(# )?${key}=`, 'm'));
      expect(readme).toContain(`| \`${key}\` |`);
    }
    expect(envExample).toMatch(/^PORT=3000$/m);
    expect(envExample).toMatch(/^CORRECTIONS_SWEEP_SCHEDULE=\*\/10 \* \* \* \*$/m);
    expect(envExample).toMatch(/^# MEILI_URL=http:\/\/127\.0\.0\.1:7700$/m);
  });
});

describe('npm run config:docs', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  function copyOfTheDocs(): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-config-docs-'));
    for (const file of ['.env.example', 'README.md']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    return dir;
  }

  it('reports a hand-edited .env.example or README table as stale, and rewrites both', () => {
    const root = copyOfTheDocs();
    const envFile = path.join(root, '.env.example');
    fs.writeFileSync(envFile, fs.readFileSync(envFile, 'utf8').replace('PORT=3000', 'PORT=8080'));
    const readmeFile = path.join(root, 'README.md');
    fs.writeFileSync(readmeFile, fs.readFileSync(readmeFile, 'utf8').replace('| `HOST` |', '| `HOSTNAME` |'));

    expect(syncConfigDocs(root, 'check')).toEqual(['.env.example', 'README.md']);
    expect(fs.readFileSync(envFile, 'utf8')).toContain('PORT=8080');

    expect(syncConfigDocs(root, 'write')).toEqual(['.env.example', 'README.md']);
    expect(syncConfigDocs(root, 'check')).toEqual([]);
    expect(fs.readFileSync(envFile, 'utf8')).toBe(read('.env.example'));
    expect(fs.readFileSync(readmeFile, 'utf8')).toBe(read('README.md'));
  });

  it('refuses a README without the table markers, in Chinese and English', () => {
    const root = copyOfTheDocs();
    const readmeFile = path.join(root, 'README.md');
    fs.writeFileSync(readmeFile, fs.readFileSync(readmeFile, 'utf8').replace(README_END, ''));
    expect(() => syncConfigDocs(root, 'check')).toThrow(/README\.md 缺少 .* \/ README\.md lacks/);
  });
});
