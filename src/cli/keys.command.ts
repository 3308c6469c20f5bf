import os from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ROLES, type Role } from '../auth/roles.ts';
import type { ApiKeyRecord } from '../keys/api-keys.repository.ts';
import type { Services } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { displayWidth } from './output/display-width.ts';
import { withServices } from './with-services.ts';

const EXAMPLES = `
示例 examples:
  certref keys create --role technician --name 技术员张三 --organisation 广东省药监局
  certref keys list [--all] [--json]
  certref keys revoke <id>

create  prints the new key once: only its SHA-256 is stored, so it cannot be shown again.
        新密钥只显示一次（仅保存其 SHA-256）。
`;

/** `certref keys …`: exit 0 on success, 1 when the key does not exist, 2 on misuse. */
export function registerKeys(program: Command, io: CliIo, exitWith: ExitWith): void {
  const keys = program
    .command('keys')
    .summary('创建、列出、吊销 API 密钥 create, list and revoke API keys')
    .description('创建、列出、吊销 API 密钥 create, list and revoke API keys')
    .addHelpText('after', EXAMPLES);
  const run = async (use: (services: Services, actor: string) => void) => exitWith(await keysAction(io, use));

  keys
    .command('create')
    .description('创建密钥并只显示一次 create a key and print it once')
    .addOption(new Option('--role <role>', '角色 role').choices(ROLES).makeOptionMandatory())
    .requiredOption('--name <name>', '名称 name', nonBlank)
    .option('--organisation <org>', '所属单位（默认：名称）whom requesters are counted as (default: the name)')
    .option('--json', '输出 JSON print JSON')
    .action((options: { role: Role; name: string; organisation?: string; json?: boolean }) =>
      run((services, actor) => {
        const { record, key } = services.apiKeys.create(
          { name: options.name, role: options.role, organisation: options.organisation ?? null },
          actor,
        );
        if (options.json) {
          io.stdout.write(`${JSON.stringify({ ...record, key })}\n`);
          return;
        }
        io.stderr.write(`API key ${record.id} created for ${record.name} (${record.role}, organisation ${record.organisation}).\n`);
        io.stderr.write('Store it now: it is shown only once.\n');
        io.stdout.write(`${key}\n`);
      }),
    );

  keys
    .command('list')
    .description('列出有效密钥，从不显示密钥本身 active keys, never their secrets')
    .option('--all', '包括已吊销的 revoked ones too')
    .option('--json', '输出 JSON print JSON')
    .action((options: { all?: boolean; json?: boolean }) =>
      run((services) => {
        const list = services.apiKeys.list({ includeRevoked: options.all ?? false });
        io.stdout.write(options.json ? `${JSON.stringify(list)}\n` : table(list));
      }),
    );

  keys
    .command('revoke')
    .description('吊销密钥，立即失效 the key stops working at once')
    .argument('<id>', '密钥编号 key id', keyId)
    .option('--json', '输出 JSON print JSON')
    .action((id: number, options: { json?: boolean }) =>
      run((services, actor) => {
        const record = services.apiKeys.revoke(id, actor);
        io.stdout.write(
          options.json ? `${JSON.stringify(record)}\n` : `API key ${record.id} (${record.name}) revoked at ${record.revokedAt}.\n`,
        );
      }),
    );
}

/** A missing key (or another coded refusal) is a failure, not a crash. */
async function keysAction(io: CliIo, use: (services: Services, actor: string) => void): Promise<number> {
  const actor = `cli:${os.userInfo().username}`;
  try {
    await withServices(io, (services) => use(services, actor));
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr.write(`${error.text.zh}\n${error.text.en}\n`);
      return 1;
    }
    throw error;
  }
}

function nonBlank(text: string): string {
  if (!text.trim()) throw new InvalidArgumentError('名称不能为空 --name is required');
  return text.trim();
}

function keyId(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('密钥编号是数字 revoke takes one key id');
  return Number(text);
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
