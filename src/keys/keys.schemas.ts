import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';

const RoleSchema = z
  .enum(ROLES)
  .describe(
    '角色：reader 可查询；technician 处理补录工单队列；admin 负责导入、密钥和审计。 reader: lookups; technician: the correction queue; admin: imports, keys, audit.',
  );

export const apiKeySchema = z
  .object({
    id: z.number().int().describe('密钥编号：即 `certref keys revoke <id>` 所需的参数。 Key id: what `certref keys revoke <id>` takes.'),
    name: z.string().describe('密钥持有者（技术人员姓名或系统名称）。 Who holds the key (a technician’s name, a system’s name).'),
    organisation: z.string().describe('统计查询方时所按的单位。 The organisation requesters are counted by.'),
    role: RoleSchema,
    prefix: z.string().describe('密钥的开头几个字符，用于区分密钥。 The first characters of the key, to tell keys apart.'),
    createdAt: z.string().describe('密钥的创建时间（ISO 时间戳）。 When the key was created (ISO timestamp).'),
    createdBy: z.string().describe('创建者（审计记录中的操作者）。 Who created it (audit actor).'),
    revokedAt: z.string().nullable().describe('吊销时间；仍有效时为 null。 When it was revoked, or null while active.'),
    revokedBy: z.string().nullable().describe('吊销者；未吊销时为 null。 Who revoked it, or null.'),
    lastUsedAt: z
      .string()
      .nullable()
      .describe('最近一次使用时间，精确到分钟；从未使用时为 null。 Last use, to the minute; null if never used.'),
  })
  .meta({ id: 'ApiKey' });

export const createKeyBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).describe('密钥的持有者。 Who will hold the key.'),
    role: RoleSchema,
    organisation: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('统计查询方所用的单位；默认为持有者名称。 Organisation for requester counts; defaults to the name.'),
  })
  .describe('要创建的密钥。 The key to create.');

export const createdKeySchema = apiKeySchema
  .extend({
    key: z.string().describe('密钥本身。仅显示这一次：服务只保存其哈希值。 The secret key. Shown this once: only its hash is stored.'),
  })
  .meta({ id: 'CreatedApiKey' });

export const keyListQuerySchema = z.strictObject({
  includeRevoked: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('同时列出已吊销的密钥。 Also list revoked keys.'),
});

export const keyListSchema = z.object({ keys: z.array(apiKeySchema).describe('密钥列表，最早创建的在前。 Keys, oldest first.') });

export const keyParamsSchema = z.strictObject({ id: z.coerce.number().int().positive().describe('密钥编号。 Key id.') });

export const whoAmISchema = z
  .object({
    actor: z
      .string()
      .describe(
        '审计记录中对您的称呼：key:<id>、admin-token 或 ip:<address>。 How the audit trail names you: key:<id>, admin-token, or ip:<address>.',
      ),
    role: RoleSchema.nullable().describe('您的角色；没有密钥时为 null。 Your role, or null without a key.'),
    name: z.string().describe('密钥的名称。 The key’s name.'),
    organisation: z.string().nullable().describe('密钥所属单位。 The key’s organisation.'),
  })
  .meta({ id: 'WhoAmI' });
