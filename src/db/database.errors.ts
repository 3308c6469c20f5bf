import { defineError } from '../shared/app-error.ts';

/** Seconds a client is told to wait: an import's batch holds the lock for about one. */
const RETRY_AFTER_SECONDS = 5;

/** Another process (an import) held the write lock for longer than a request may wait (DATABASE_WRITE_WAIT_MS). */
export const databaseBusy = defineError(503, 'database_busy', () => ({
  text: {
    zh: `数据库正忙：另一个写入任务（如批量导入）占用过久，请 ${RETRY_AFTER_SECONDS} 秒后重试。`,
    en: `The database is busy: another writer (such as a bulk import) has held it too long; retry in ${RETRY_AFTER_SECONDS} s.`,
  },
  extra: { retryAfterSeconds: RETRY_AFTER_SECONDS },
}));
