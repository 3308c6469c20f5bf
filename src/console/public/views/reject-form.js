// Rejecting a ticket, with the reason the requester will be told.
import { api } from '../api.js';
import { h, id } from '../dom.js';
import { REASON } from '../format.js';
import { clearErrors, showErrors } from './form-errors.js';
import { numberField } from './number-check.js';

export function rejectForm(ticket, { flash, rerender }) {
  const correct = numberField({
    label: '正确证号',
    name: 'correctNumber',
    hint: '“证号输错”时必填：以后查询这个错误证号的用户会看到正确证号。',
  });
  const noteId = id('note');
  const note = h('textarea', { id: noteId, name: 'note', rows: 2 });
  const reasons = Object.entries(REASON).map(([value, label], index) => {
    const radioId = id(`reason-${value}`);
    return h(
      'div',
      { class: 'radio' },
      h('input', { type: 'radio', id: radioId, name: 'reason', value, required: true, checked: index === 0 }),
      h('label', { for: radioId }, label),
    );
  });
  const form = h(
    'form',
    { class: 'card reject', novalidate: true, 'aria-labelledby': 'reject-title' },
    h('h2', { id: 'reject-title' }, '驳回工单'),
    h('fieldset', { 'data-field': 'reason' }, h('legend', {}, '驳回原因'), reasons, h('p', { class: 'field-error' })),
    correct.element,
    h(
      'div',
      { class: 'field', 'data-field': 'note' },
      h('label', { for: noteId }, '说明（“其他原因”时必填）'),
      note,
      h('p', { class: 'field-error' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, '驳回')),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const reason = new FormData(form).get('reason');
    const body = { reason };
    const number = correct.input.value.trim();
    if (number && (reason === 'typo' || reason === 'not_guangdong')) body.correctNumber = number;
    if (note.value.trim()) body.note = note.value.trim();
    const missing = [];
    if (reason === 'typo' && !number) missing.push({ field: 'correctNumber', message: { zh: '请填写正确证号。' } });
    if (reason === 'other' && !body.note) missing.push({ field: 'note', message: { zh: '请说明驳回原因。' } });
    if (missing.length) return showErrors(form, missing, '请补充以下内容：');
    try {
      await api(`/v1/tickets/${ticket.id}/reject`, { method: 'POST', body });
      flash(`已驳回（${REASON[reason]}）。`, 'success');
      await rerender();
    } catch (error) {
      const issues =
        error.problem?.issues ??
        (error.problem?.code === 'correct_number_invalid' ? [{ field: 'correctNumber', message: error.problem.message }] : []);
      showErrors(form, issues, `驳回未成功：${error.message}`);
    }
  });
  return form;
}
