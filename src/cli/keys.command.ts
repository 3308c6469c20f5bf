import os from 'node:os';
import { isRole, ROLES } from '../auth/roles.ts';
import { loadConfig } from '../config/config.ts';
import type { ApiKeyRecord } from '../keys/api-keys.repository.ts';
import { createServices } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import { parseCommandArgs } from './command-args.ts';

export interface KeysIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The process environment, read once here into the config (DATABASE_PATH says which database). */
  env: Record<string, string | undefined>;
}

const USAGE = `usage: certref keys create --role ${ROLES.join('|')} --name NAME [--organisation ORG] [--json]
       certref keys list [--all] [--json]
       certref keys revoke <id>

create  prints the new key once: only its SHA-256 is stored, so it cannot be shown again.
        --organisation names who requesters are counted as (default: the name).
list    active keys (--all: revoked ones too), never their secrets.
revoke  the key stops working at once.
`;

/** `certref keys …`: exit 0 on success, 1 when the key does not exist, 2 on misuse. */
export async function runKeys(args: string[], io: KeysIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      role: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [action, ...rest] = positionals;
  if (action === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  const misuse = (message: string): number => {
    io.stderr.write(`${message}\n${USAGE}`);
    return 2;
  };
  if (action === 'create') {
    if (rest.length > 0) return misuse(`unexpected argument: ${rest[0]}`);
    if (!values.role || !isRole(values.role)) return misuse(`--role must be one of ${ROLES.join(', ')}`);
    if (!values.name?.trim()) return misuse('--name is required');
  } else if (action === 'list') {
    if (rest.length > 0) return misuse(`unexpected argument: ${rest[0]}`);
  } else if (action === 'revoke') {
    if (rest.length !== 1 || !/^\d+$/.test(rest[0]!)) return misuse('revoke takes one key id');
  } else {
    return misuse(action ? `unknown action: ${action}` : 'an action is required');
  }

  const services = createServices(loadConfig(io.env));
  const actor = `cli:${os.userInfo().username}`;
  try {
    if (action === 'create') {
      const role = values.role as (typeof ROLES)[number];
      const { record, key } = services.apiKeys.create(
        { name: values.name!.trim(), role, organisation: values.organisation ?? null },
        actor,
      );
      if (values.json) io.stdout.write(`${JSON.stringify({ ...record, key })}\n`);
      else {
        io.stderr.write(`API key ${record.id} created for ${record.name} (${record.role}, organisation ${record.organisation}).\n`);
        io.stderr.write('Store it now: it is shown only once.\n');
        io.stdout.write(`${key}\n`);
      }
    } else if (action === 'list') {
      const keys = services.apiKeys.list({ includeRevoked: values.all });
      io.stdout.write(values.json ? `${JSON.stringify(keys)}\n` : table(keys));
    } else {
      const record = services.apiKeys.revoke(Number(rest[0]), actor);
      io.stdout.write(
        values.json ? `${JSON.stringify(record)}\n` : `API key ${record.id} (${record.name}) revoked at ${record.revokedAt}.\n`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr.write(`${error.text.zh}\n${error.text.en}\n`);
      return 1;
    }
    throw error;
  } finally {
    services.close();
  }
}

function table(keys: ApiKeyRecord[]): string {
  if (keys.length === 0) return 'No API keys.\n';
  const rows = [
    ['id', 'role', 'name', 'organisation', 'prefix', 'created', 'last used', 'revoked'],
    ...keys.map((k) => [
      String(k.id),
      k.role,
      k.name,
      k.organisation,
      `${k.prefix}…`,
      k.createdAt.slice(0, 16),
      k.lastUsedAt?.slice(0, 16) ?? '-',
      k.revokedAt?.slice(0, 16) ?? '-',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]!))));
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => cell + ' '.repeat(widths[column]! - displayWidth(cell)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

/** CJK characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
