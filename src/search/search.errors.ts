import { defineError } from '../shared/app-error.ts';

export const searchQueryEmpty = defineError(422, 'search_query_empty', (q: string) => ({
  text: {
    zh: '搜索词中没有可检索的文字或数字。',
    en: 'The query holds no letters or digits to search for.',
  },
  extra: { q },
}));

export const searchCursorInvalid = defineError(400, 'search_cursor_invalid', (reason: 'malformed' | 'other_query' | 'other_engine') => ({
  text: {
    malformed: { zh: '翻页游标无效。', en: 'The cursor is malformed.' },
    other_query: {
      zh: '翻页游标属于另一个搜索条件，请从第一页重新开始。',
      en: 'The cursor belongs to another query or other filters; start again from the first page.',
    },
    other_engine: {
      zh: '翻页游标来自另一个搜索引擎（搜索服务刚刚切换），请从第一页重新开始。',
      en: 'The cursor came from the other search engine (search just switched engines); start again from the first page.',
    },
  }[reason],
  extra: { reason },
}));
