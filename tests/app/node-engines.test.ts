import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
};

describe('dependencies and the Node.js the README names', () => {
  it('every locked package supports the oldest Node.js certref claims, so a clean install prints no EBADENGINE', () => {
    const oldest = semver.minVersion(manifest.engines.node);
    expect(oldest?.major).toBe(20);
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return wanted && !semver.satisfies(oldest!, wanted) ? [`${name}@${entry.version} wants node ${wanted}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
