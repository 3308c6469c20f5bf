import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/api-key-secret.ts';
import { cliCommand } from '../helpers/cli-io.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { bearer, tempDir } from '../tickets/fixtures.ts';

const runKeys = cliCommand('keys');

const ADMIN_TOKEN = 'bootstrap-admin-token-0123456789';

describe('API keys over HTTP', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await buildTestApp({ config: { adminToken: ADMIN_TOKEN, attachmentsDir: tempDir('certref-att-'), rateLimitPerMinute: 0 } });
  });
  afterEach(() => ctx.close());

  it('ADMIN_TOKEN bootstraps: create a key, shown once and stored only as its hash', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: bearer(ADMIN_TOKEN),
      payload: { name: '技术员张三', role: 'technician', organisation: '广东省药监局' },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      name: '技术员张三',
      role: 'technician',
      organisation: '广东省药监局',
      createdBy: 'admin-token',
      revokedAt: null,
    });
    expect(body.key).toMatch(/^crk_[A-Za-z0-9_-]{43}$/);
    const stored = ctx.services.database.sqlite.prepare('SELECT * FROM api_keys WHERE id = ?').get(body.id) as Record<string, unknown>;
    expect(Object.values(stored)).not.toContain(body.key);
    expect(stored.key_hash).toBe(hashApiKey(body.key));

    const me = await ctx.app.inject({ url: '/v1/auth/me', headers: bearer(body.key) });
    expect(me.json()).toEqual({ actor: `key:${body.id}`, role: 'technician', name: '技术员张三', organisation: '广东省药监局' });
    const listed = (await ctx.app.inject({ url: '/v1/keys', headers: bearer(ADMIN_TOKEN) })).json().keys;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(body.key);
    expect(listed[0].prefix).toBe(body.key.slice(0, 10));
  });

  it('revoking stops a key at once and is audited', async () => {
    const { record, key } = ctx.services.apiKeys.create({ name: '某公司', role: 'reader' }, 'test');
    expect((await ctx.app.inject({ url: '/v1/auth/me', headers: bearer(key) })).statusCode).toBe(200);
    const revoked = await ctx.app.inject({ method: 'DELETE', url: `/v1/keys/${record.id}`, headers: bearer(ADMIN_TOKEN) });
    expect(revoked.json()).toMatchObject({ id: record.id, revokedBy: 'admin-token', revokedAt: expect.any(String) });
    expect((await ctx.app.inject({ url: '/v1/auth/me', headers: bearer(key) })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/v1/keys/${record.id}`, headers: bearer(ADMIN_TOKEN) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'DELETE', url: '/v1/keys/9999', headers: bearer(ADMIN_TOKEN) })).json().code).toBe(
      'api_key_not_found',
    );
    const keysListed = (await ctx.app.inject({ url: '/v1/keys?includeRevoked=true', headers: bearer(ADMIN_TOKEN) })).json().keys;
    expect(keysListed).toHaveLength(1);
    expect((await ctx.app.inject({ url: '/v1/keys', headers: bearer(ADMIN_TOKEN) })).json().keys).toHaveLength(0);
    const audit = ctx.services.changeLog.list({ entity: 'api_key', entityId: String(record.id), limit: 10 });
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['created', 'test'],
      ['revoked', 'admin-token'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it('refuses unknown roles and fields', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: bearer(ADMIN_TOKEN),
      payload: { name: 'x', role: 'root' },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('certref keys', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = tempDir('certref-keys-');
    env = { DATABASE_PATH: path.join(dir, 'certref.db'), LOG_LEVEL: 'silent' };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const status = await runKeys(args, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env,
    });
    return { status, stdout, stderr };
  }

  it('creates (printing the key once), lists and revokes', async () => {
    const created = await run('create', '--role', 'technician', '--name', '技术员张三');
    expect(created.status).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^crk_/);
    expect(created.stderr).toContain('shown only once');

    const listed = await run('list');
    expect(listed.stdout).toContain('技术员张三');
    expect(listed.stdout).toContain('technician');
    expect(listed.stdout).not.toContain(key);

    const database = new Database(env.DATABASE_PATH!, { readonly: true });
    const row = database.prepare('SELECT id, key_hash AS hash FROM api_keys').get() as { id: number; hash: string };
    database.close();
    expect(row.hash).toBe(hashApiKey(key));

    const revoked = await run('revoke', String(row.id));
    expect(revoked.status).toBe(0);
    expect((await run('list')).stdout).toBe('No API keys.\n');
    expect((await run('list', '--all', '--json')).stdout).toContain('"revokedBy":"cli:');
    expect((await run('revoke', '42')).status).toBe(1);
  });

  it('explains misuse with exit status 2', async () => {
    expect((await run('create', '--role', 'root', '--name', 'x')).status).toBe(2);
    expect((await run('create', '--role', 'reader')).status).toBe(2);
    expect((await run('revoke')).status).toBe(2);
    expect((await run('destroy')).status).toBe(2);
    const help = await run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('certref keys create');
  });
});
