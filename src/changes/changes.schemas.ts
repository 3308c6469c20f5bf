import { z } from 'zod';
import { DOCUMENT_TYPES } from '../certificates/version-input.ts';

export const changeRecordSchema = z
  .object({
    id: z.number().int().describe('记录编号，随时间递增。 Entry id; increases with time.'),
    at: z.string().describe('变更发生的时间（ISO 时间戳）。 When the change was made (ISO timestamp).'),
    actor: z
      .string()
      .describe(
        '由谁做出：key:<id>、admin-token、import:<run>、requester:<organisation> 等。 Who made it: key:<id>, admin-token, import:<run>, requester:<organisation> …',
      ),
    entity: z
      .string()
      .describe('变更的对象：certificate（证书）、ticket（工单）、api_key（API 密钥）。 What changed: certificate, ticket, api_key.'),
    entityId: z.string().describe('对象的标识：规范号码、工单编号或密钥编号。 Its id: a canonical number, a ticket id, a key id.'),
    action: z
      .string()
      .describe(
        '发生的操作：created、versions_added、summary_refreshed、opened、claimed、resolved 等。 What happened: created, versions_added, summary_refreshed, opened, claimed, resolved …',
      ),
    before: z.unknown().describe('变更前的状态（新建时为 null）。 The state before the change (null when created).'),
    after: z.unknown().describe('变更后的状态。 The state after the change.'),
  })
  .meta({ id: 'ChangeRecord' });

export const changesQuerySchema = z.strictObject({
  since: z
    .string()
    .max(200)
    .optional()
    .describe('翻页游标：上一页返回的值。 The nextCursor of the previous page (opaque). Omit to read from the first change ever recorded.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('每页变更条数。 Changes per page (1–1000).'),
  entity: z.string().max(50).optional().describe('只看这类对象的变更。 Only changes to this kind of entity: certificate, ticket, api_key.'),
  include: z
    .enum(['versions'])
    .optional()
    .describe(
      '附带内容：versions 为每条证书变更附上所增版本的全部字段及其来源，以及该证书取代的旧证号，供镜像（certref sync）原样写入。 With `versions`, each certificate change also carries the versions it added, every field and provenance, and the old numbers the certificate replaced: what a mirror (`certref sync`) needs to store them again. Without it, the entries are as before.',
    ),
});

const nullableText = z.string().nullable();

/** A version in full, as a mirror stores it again: the same id, fields and provenance. */
export const mirroredVersionSchema = z
  .object({
    id: z.number().int().describe('版本编号，镜像沿用。 Version id; a mirror keeps it.'),
    documentType: z.enum(DOCUMENT_TYPES).describe('文件类型。 registration, renewal, change, filing, filing_change or record.'),
    asIssued: z.string().describe('来源所印的证号。 The number as the source printed it.'),
    approvalDate: nullableText,
    effectiveDate: nullableText,
    expiryDate: nullableText,
    productName: nullableText,
    holder: nullableText,
    holderAddress: nullableText,
    productionAddress: nullableText,
    agentName: nullableText,
    agentAddress: nullableText,
    modelSpec: nullableText,
    structure: nullableText,
    scope: nullableText,
    approvalDepartment: nullableText,
    changeDescription: nullableText,
    remarks: nullableText,
    provenance: z
      .object({ source: z.string(), sourceRef: nullableText, sourceRow: z.number().int().nullable(), fetchedAt: z.string() })
      .describe('来源。 Where the version came from.'),
  })
  .meta({ id: 'MirroredVersion' });

/** An old number the certificate replaced (原注册证编号), and the source that said so. */
export const mirroredLinkSchema = z
  .object({
    canonical: z.string().describe('被取代的旧证号。 The old number.'),
    source: z.string().describe('给出这一关联的来源。 The source that gave the link.'),
  })
  .meta({ id: 'MirroredLink' });

/** A feed entry; with `include=versions`, a certificate change also carries what it added. */
const feedChangeSchema = changeRecordSchema
  .extend({
    versions: z
      .array(mirroredVersionSchema)
      .optional()
      .describe('仅当 include=versions：所增版本。 With include=versions: the versions added.'),
    replaces: z
      .array(mirroredLinkSchema)
      .optional()
      .describe('仅当 include=versions：该证书取代的旧证号。 With include=versions: the old numbers the certificate replaced.'),
  })
  .meta({ id: 'FeedChange' });

export const changesPageSchema = z
  .object({
    changes: z.array(feedChangeSchema).describe('变更记录，按发生顺序，最早的在前。 Changes in the order they were made, oldest first.'),
    nextCursor: z
      .string()
      .describe(
        '作为 `since` 传入以取此后的变更。始终存在：用它轮询后续变更。 Pass as `since` to get the changes after these. Always present: poll with it to get what happens next.',
      ),
    hasMore: z
      .boolean()
      .describe(
        '还有更多变更待取时为 true：应立即再次请求，不必等轮询间隔。 True when more changes are waiting: ask again at once rather than after the polling interval.',
      ),
  })
  .meta({ id: 'ChangesPage' });
