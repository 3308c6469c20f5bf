import { defineError } from '../shared/app-error.ts';

export const searchQueryEmpty = defineError(422, 'search_query_empty', (q: string) => ({
  text: {
    zh: '搜索词中没有可检索的文字或数字。',
    en: 'The query holds no letters or digits to search for.',
  },
  extra: { q },
}));
