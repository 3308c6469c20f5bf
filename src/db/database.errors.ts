import { defineError } from '../shared/app-error.ts';

/** Seconds a client is told to wait: an importer's batch takes about one. */
const RETRY_AFTER_SECONDS = 5;

/** Another process (an import) held the write lock for longer than a request may wait. */
export const databaseBusy = defineError(503, 'database_busy', (waitedMs: number) => ({
  text: {
    zh: `数据库正忙（另一个写入任务占用超过 ${Math.round(waitedMs / 1000)} 秒），请 ${RETRY_AFTER_SECONDS} 秒后重试。`,
    en: `The database is busy (another writer held it for over ${Math.round(waitedMs / 1000)} s); retry in ${RETRY_AFTER_SECONDS} s.`,
  },
  extra: { retryAfterSeconds: RETRY_AFTER_SECONDS },
}));
