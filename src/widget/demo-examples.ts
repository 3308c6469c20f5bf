import type { SearchService } from '../search/search.service.ts';

export interface DemoExample {
  number: string;
  /** What the auto-fill will say about it, in the words the widget uses. */
  label: string;
}

const GUANGDONG_REGISTRATIONS = { q: '粤械注准', filters: { authority: '粤', family: 'registration' as const } };

/**
 * Numbers the store holds for a visitor to try on the demo form: two Guangdong registrations in
 * force and one expired, found by the search the API offers. None when the store holds none (a
 * fresh database without demo data) or search cannot answer: the page then simply has no examples.
 */
export async function demoExamples(search: Pick<SearchService, 'search'>): Promise<DemoExample[]> {
  try {
    const [valid, expired] = await Promise.all([
      search.search({ ...GUANGDONG_REGISTRATIONS, filters: { ...GUANGDONG_REGISTRATIONS.filters, status: 'valid' }, limit: 2 }),
      search.search({ ...GUANGDONG_REGISTRATIONS, filters: { ...GUANGDONG_REGISTRATIONS.filters, status: 'expired' }, limit: 1 }),
    ]);
    return [
      ...valid.hits.map((hit) => ({ number: hit.canonical, label: '有效' })),
      ...expired.hits.map((hit) => ({ number: hit.canonical, label: '已过期' })),
    ];
  } catch {
    return [];
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The demo page's line of numbers to try, in place of its `<!-- certref:examples -->` marker. */
export function withExamples(page: string, examples: readonly DemoExample[]): string {
  if (examples.length === 0) return page.replace(EXAMPLES_MARKER, '');
  const list = examples.map((e) => `<code>${escapeHtml(e.number)}</code>（${escapeHtml(e.label)}）`).join('、');
  return page.replace(EXAMPLES_MARKER, `<p class="examples">可试用的证号：${list}。也可故意输错其中一位数字，看组件给出的建议。</p>`);
}

export const EXAMPLES_MARKER = '<!-- certref:examples -->';
