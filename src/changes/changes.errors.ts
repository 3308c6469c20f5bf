import { defineError } from '../shared/app-error.ts';

export const invalidCursor = defineError(400, 'invalid_cursor', (cursor: string) => ({
  text: {
    zh: '游标无效：请使用上一页返回的 `nextCursor`，或不带 `since` 从头读取。',
    en: 'Invalid cursor: pass the nextCursor of the previous page, or omit since to read from the start.',
  },
  extra: { cursor: cursor.slice(0, 200) },
}));
