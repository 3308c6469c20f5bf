// For a resolved ticket: what the reporting form's auto-fill now answers for the number.
import { api } from '../api.js';
import { h } from '../dom.js';
import { day } from '../format.js';

export async function autofillPreview(canonical) {
  const section = h('section', { 'aria-labelledby': 'autofill-title', class: 'card' }, h('h2', { id: 'autofill-title' }, '自动填报结果'));
  try {
    const data = await api(`/v1/autofill?number=${encodeURIComponent(canonical)}`);
    const rows = [
      ['证号', data.number],
      ['产品名称', data.productName ?? '—'],
      ['注册人/备案人', data.holder ?? '—'],
      ['批准日期', day(data.approvalDate)],
      ['生效日期', day(data.effectiveDate)],
      ['有效期至', day(data.expiryDate)],
      ['数据来源', data.basedOn ? `${data.basedOn.source === 'correction' ? '技术人员补录' : data.basedOn.source}` : '—'],
    ];
    section.append(
      h(
        'dl',
        { class: 'facts', 'data-testid': 'autofill' },
        rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
      ),
    );
    if (data.notes?.length)
      section.append(
        h(
          'ul',
          { class: 'notes' },
          data.notes.map((note) => h('li', {}, note)),
        ),
      );
  } catch (error) {
    section.append(h('p', { class: 'empty' }, error.message));
  }
  return section;
}
