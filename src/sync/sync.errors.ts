import { defineError } from '../shared/app-error.ts';

/** A downloaded file whose SHA-256 or size is not the manifest's: nothing is installed from it. */
export const bundleChecksumMismatch = defineError(502, 'bundle_checksum_mismatch', (file: string, expected: string, actual: string) => ({
  text: {
    zh: `下载的数据包文件 \`${file}\` 校验失败（\`SHA-256\` 与清单不符），已丢弃，本地数据库未作任何改动。请重新运行同步。`,
    en: `The downloaded bundle file ${file} failed its check (SHA-256 differs from the manifest); it was discarded and the local database is unchanged. Run the sync again.`,
  },
  extra: { file, expected, actual },
}));

export const bundleFormatUnsupported = defineError(502, 'bundle_format_unsupported', (formatVersion: unknown) => ({
  text: {
    zh: `远端数据包的格式版本 \`${String(formatVersion)}\` 无法识别，请升级本地服务。`,
    en: `The remote bundle has format version ${String(formatVersion)}, which this certref does not know; upgrade it.`,
  },
  extra: { formatVersion },
}));

export const syncRemoteFailed = defineError(502, 'sync_remote_failed', (url: string, status: number | null, reason: string) => ({
  text: {
    zh: `远端服务请求失败（${status === null ? `无响应，\`${reason}\`` : `\`${status} ${reason}\``}）：\`${url}\`。本地数据库保持上次同步的状态，可稍后重试。`,
    en: `The remote certref request failed (${status ?? 'no answer'}: ${reason}): ${url}. The local database stays as the last sync left it; try again later.`,
  },
  extra: { url, remoteStatus: status, reason },
}));

export const syncTargetNotEmpty = defineError(409, 'sync_target_not_empty', (databasePath: string) => ({
  text: {
    zh: `本地数据库 \`${databasePath}\` 已有证书数据但不是同步得来的，为免覆盖，同步拒绝写入。请用 \`--db\` 指定新的数据库文件。`,
    en: `The local database ${databasePath} holds certificates that did not come from a sync; to avoid overwriting them, the sync refuses. Name a new database file (--db).`,
  },
  extra: { databasePath },
}));

/** A cursor means nothing to another certref: following a second remote would mix two histories. */
export const syncOtherRemote = defineError(409, 'sync_other_remote', (databasePath: string, followed: string, asked: string) => ({
  text: {
    zh: `本地数据库 \`${databasePath}\` 同步自 \`${followed}\`，不能改从 \`${asked}\` 同步。请为新的远端使用新的数据库文件（\`--db\`）。`,
    en: `The local database ${databasePath} follows ${followed}; it cannot sync from ${asked}. Use a new database file (--db) for another remote.`,
  },
  extra: { databasePath, followed, asked },
}));
