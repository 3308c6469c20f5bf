import { z } from 'zod';

/** Bumped when the files or the manifest change shape; `certref sync` refuses a format it does not know. */
export const BUNDLE_FORMAT_VERSION = 1;

/** The tables a bundle holds: certificate data and its provenance, nothing about keys, tickets or requesters. */
export const PUBLIC_TABLES = ['certificates', 'certificate_versions', 'certificate_links'] as const;

export const BUNDLE_SQLITE = 'certref.sqlite';
export const BUNDLE_JSONL = 'certificates.jsonl.gz';
export const BUNDLE_MANIFEST = 'manifest.json';
export const BUNDLE_FILE_NAMES = [BUNDLE_MANIFEST, BUNDLE_SQLITE, BUNDLE_JSONL] as const;

/** A bundle's id: the moment it was built, to the millisecond, in UTC; sorts oldest first. */
export const BUNDLE_ID = /^[0-9]{8}T[0-9]{9}Z$/;

const bundleFileSchema = z
  .object({
    name: z.enum([BUNDLE_SQLITE, BUNDLE_JSONL]).describe('文件名。 File name, under /v1/bundles/{id}/.'),
    sha256: z.string().describe('文件的 SHA-256（十六进制）。 SHA-256 of the file, hex.'),
    size: z.number().int().describe('字节数。 Size in bytes.'),
  })
  .meta({ id: 'BundleFile' });

export const bundleManifestSchema = z
  .object({
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION).describe('数据包格式版本。 Format version of the bundle.'),
    id: z.string().regex(BUNDLE_ID).describe('数据包编号（生成时刻，UTC）。 Bundle id: when it was built, UTC.'),
    createdAt: z.string().describe('生成时间。 When it was built (ISO timestamp).'),
    dataAsOf: z.string().nullable().describe('最新数据的抓取时间。 When the freshest fact in it was fetched; null when empty.'),
    cursor: z
      .string()
      .describe(
        '快照时刻的变更流游标：以它作为 GET /v1/changes 的 since 即得之后的变更。 The change feed cursor at the snapshot: pass it as `since` to GET /v1/changes for what changed after.',
      ),
    changeLogId: z.number().int().describe('快照所含最后一条变更的编号。 Id of the last change the snapshot includes.'),
    counts: z.record(z.string(), z.number().int()).describe('各表行数。 Rows per table in the SQLite file.'),
    files: z.array(bundleFileSchema).describe('数据文件及其校验值。 The data files with their checksums.'),
  })
  .meta({ id: 'BundleManifest' });

export type BundleManifest = z.output<typeof bundleManifestSchema>;

export const bundleListSchema = z
  .object({
    bundles: z.array(bundleManifestSchema).describe('现有数据包的清单，最新的在前。 Manifests of the bundles kept, newest first.'),
  })
  .meta({ id: 'BundleList' });

export const bundleFileParamsSchema = z.strictObject({
  id: z.string().regex(BUNDLE_ID).describe('数据包编号。 Bundle id, as listed.'),
  file: z.enum(BUNDLE_FILE_NAMES).describe('文件名：manifest.json、certref.sqlite 或 certificates.jsonl.gz。 File name.'),
});

export const latestQuerySchema = z.strictObject({
  file: z
    .enum(BUNDLE_FILE_NAMES)
    .default(BUNDLE_MANIFEST)
    .describe('要跳转到的文件，默认清单。 Which file to redirect to; the manifest by default.'),
});
