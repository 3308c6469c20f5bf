import { defineError } from '../shared/app-error.ts';

export const apiKeyNotFound = defineError(404, 'api_key_not_found', (id: number) => ({
  text: { zh: `没有编号为 ${id} 的 API 密钥。`, en: `No API key with id ${id}.` },
}));
