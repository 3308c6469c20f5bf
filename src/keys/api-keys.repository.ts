import type Database from 'better-sqlite3';
import { displayPrefix, hashApiKey, newApiKey } from '../auth/api-key-secret.ts';
import type { Role } from '../auth/roles.ts';
import type { ChangeLog } from '../changes/change-log.ts';
import { isDatabaseBusy } from '../db/write-lock.ts';
import { apiKeyNotFound } from './keys.errors.ts';

export interface ApiKeyRecord {
  id: number;
  name: string;
  organisation: string;
  role: Role;
  prefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

interface NewApiKey {
  name: string;
  role: Role;
  /** Requesters are counted by organisation; defaults to the key's name. */
  organisation?: string | null;
}

const COLUMNS = `id, name, organisation, role, prefix, created_at AS createdAt, created_by AS createdBy,
  revoked_at AS revokedAt, revoked_by AS revokedBy, last_used_at AS lastUsedAt`;

/** Touch `last_used_at` at most once a minute per key: lookups must not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** API keys, stored as hashes. Every creation and revocation is in the audit trail. */
export class ApiKeysRepository {
  private readonly byHash: Database.Statement<[string], ApiKeyRecord>;
  private readonly byId: Database.Statement<[number], ApiKeyRecord>;
  private readonly insert: Database.Statement;
  private readonly markRevoked: Database.Statement;
  private readonly markUsed: Database.Statement;
  private readonly lastTouched = new Map<number, number>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly changeLog: ChangeLog,
    private readonly now: () => Date,
  ) {
    this.byHash = sqlite.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL`);
    this.byId = sqlite.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`);
    this.insert = sqlite.prepare(`
      INSERT INTO api_keys (name, organisation, role, key_hash, prefix, created_at, created_by)
      VALUES (@name, @organisation, @role, @keyHash, @prefix, @createdAt, @createdBy)`);
    this.markRevoked = sqlite.prepare('UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL');
    this.markUsed = sqlite.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?');
  }

  /** Creates a key and returns it with its secret, which is never stored nor shown again. */
  create(input: NewApiKey, actor: string): { record: ApiKeyRecord; key: string } {
    const key = newApiKey();
    const record = this.sqlite
      .transaction(() => {
        const result = this.insert.run({
          name: input.name,
          organisation: input.organisation?.trim() || input.name,
          role: input.role,
          keyHash: hashApiKey(key),
          prefix: displayPrefix(key),
          createdAt: this.now().toISOString(),
          createdBy: actor,
        });
        const created = this.byId.get(Number(result.lastInsertRowid))!;
        this.changeLog.append({ actor, entity: 'api_key', entityId: String(created.id), action: 'created', before: null, after: created });
        return created;
      })
      .immediate();
    return { record, key };
  }

  /** The active key this secret belongs to, or null (unknown or revoked). */
  authenticate(key: string): ApiKeyRecord | null {
    const record = this.byHash.get(hashApiKey(key));
    if (!record) return null;
    const now = this.now();
    const last = this.lastTouched.get(record.id) ?? 0;
    if (now.getTime() - last >= LAST_USED_RESOLUTION_MS) {
      try {
        this.markUsed.run(now.toISOString(), record.id);
        this.lastTouched.set(record.id, now.getTime());
      } catch (error) {
        // Another process holds the write lock: when a key was last used can wait for its next
        // request, the request itself should not.
        if (!isDatabaseBusy(error)) throw error;
      }
    }
    return record;
  }

  get(id: number): ApiKeyRecord | null {
    return this.byId.get(id) ?? null;
  }

  list(options: { includeRevoked?: boolean } = {}): ApiKeyRecord[] {
    const where = options.includeRevoked ? '' : 'WHERE revoked_at IS NULL';
    return this.sqlite.prepare(`SELECT ${COLUMNS} FROM api_keys ${where} ORDER BY id`).all() as ApiKeyRecord[];
  }

  /** Revokes a key at once (the next request with it is refused). Revoking twice changes nothing. */
  revoke(id: number, actor: string): ApiKeyRecord {
    return this.sqlite
      .transaction(() => {
        const before = this.byId.get(id);
        if (!before) throw apiKeyNotFound(id);
        if (before.revokedAt) return before;
        this.markRevoked.run(this.now().toISOString(), actor, id);
        const after = this.byId.get(id)!;
        this.changeLog.append({ actor, entity: 'api_key', entityId: String(id), action: 'revoked', before, after });
        return after;
      })
      .immediate();
  }
}
