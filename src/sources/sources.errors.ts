import { defineError } from '../shared/app-error.ts';

/**
 * What can go wrong with a page of an HTML source. They are recorded on the page and the job
 * run (code and English text) rather than answered over HTTP, but keep the one error shape.
 */
export const sourceTimeout = defineError(504, 'source_timeout', (url: string, timeoutMs: number, attempts: number) => ({
  text: {
    zh: `请求 \`${url}\` 超时（${timeoutMs} 毫秒，共尝试 ${attempts} 次）。`,
    en: `${url} did not answer within ${timeoutMs} ms (${attempts} attempts).`,
  },
  extra: { url, attempts },
}));

export const sourceNetworkError = defineError(502, 'source_network_error', (url: string, detail: string, attempts: number) => ({
  text: {
    zh: `无法连接 \`${url}\`（原始信息：\`${detail}\`，共尝试 ${attempts} 次）。`,
    en: `Could not reach ${url}: ${detail} (${attempts} attempts).`,
  },
  extra: { url, attempts },
}));

export const sourceHttpError = defineError(502, 'source_http_error', (url: string, status: number, attempts: number) => ({
  text: {
    zh: `\`${url}\` 返回 HTTP ${status}（共尝试 ${attempts} 次）。`,
    en: `${url} answered HTTP ${status} (${attempts} attempts).`,
  },
  extra: { url, httpStatus: status, attempts },
}));

export const sourceTooLarge = defineError(502, 'source_too_large', (url: string, limit: number) => ({
  text: {
    zh: `\`${url}\` 的页面超过 ${Math.round(limit / 1048576)} MB，已放弃。`,
    en: `${url} is larger than ${Math.round(limit / 1048576)} MB; gave up.`,
  },
  extra: { url },
}));

/**
 * The page no longer has the labels or columns the extractor needs: the site changed its
 * layout. Nothing from the page is imported; someone must look at the source's configuration.
 */
export const sourceLayoutChanged = defineError(502, 'source_layout_changed', (url: string, missing: readonly string[]) => ({
  text: {
    zh: `页面布局已变化，找不到必需的标签：${missing.join('、')}（\`${url}\`）。本页未导入任何数据。`,
    en: `The page layout changed: required labels not found: ${missing.join(', ')} (${url}). Nothing was imported from it.`,
  },
  extra: { url, missing },
}));
