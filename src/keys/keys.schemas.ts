import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';

const RoleSchema = z.enum(ROLES).describe('reader: lookups; technician: the correction queue; admin: imports, keys, audit.');

export const apiKeySchema = z
  .object({
    id: z.number().int().describe('Key id: what `certref keys revoke <id>` takes.'),
    name: z.string().describe('Who holds the key (a technician’s name, a system’s name).'),
    organisation: z.string().describe('The organisation requesters are counted by.'),
    role: RoleSchema,
    prefix: z.string().describe('The first characters of the key, to tell keys apart.'),
    createdAt: z.string().describe('When the key was created (ISO timestamp).'),
    createdBy: z.string().describe('Who created it (audit actor).'),
    revokedAt: z.string().nullable().describe('When it was revoked, or null while active.'),
    revokedBy: z.string().nullable().describe('Who revoked it, or null.'),
    lastUsedAt: z.string().nullable().describe('Last use, to the minute; null if never used.'),
  })
  .meta({ id: 'ApiKey' });

export const createKeyBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).describe('Who will hold the key.'),
    role: RoleSchema,
    organisation: z.string().trim().min(1).max(200).optional().describe('Organisation for requester counts; defaults to the name.'),
  })
  .describe('The key to create.');

export const createdKeySchema = apiKeySchema
  .extend({ key: z.string().describe('The secret key. Shown this once: only its hash is stored.') })
  .meta({ id: 'CreatedApiKey' });

export const keyListQuerySchema = z.strictObject({
  includeRevoked: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('同时列出已吊销的密钥。 Also list revoked keys.'),
});

export const keyListSchema = z.object({ keys: z.array(apiKeySchema).describe('Keys, oldest first.') });

export const keyParamsSchema = z.strictObject({ id: z.coerce.number().int().positive().describe('密钥编号。 Key id.') });

export const whoAmISchema = z
  .object({
    actor: z.string().describe('How the audit trail names you: key:<id>, admin-token, or ip:<address>.'),
    role: RoleSchema.nullable().describe('Your role, or null without a key.'),
    name: z.string().describe('The key’s name.'),
    organisation: z.string().nullable().describe('The key’s organisation.'),
  })
  .meta({ id: 'WhoAmI' });
