// The resolve form: the certificate's data as read from the evidence, validated like an import row.
import { api } from '../api.js';
import { h, id } from '../dom.js';
import { clearErrors, showErrors } from './form-errors.js';
import { numberField } from './number-check.js';

const DOCUMENT_TYPES = [
  ['', '按证号自动判断'],
  ['registration', '注册证（首次注册）'],
  ['renewal', '延续注册'],
  ['change', '变更注册文件'],
  ['filing', '备案凭证'],
  ['filing_change', '变更备案'],
];

function field(name, label, { type = 'text', required = false, hint = '', multiline = false } = {}) {
  const inputId = id(name);
  const errorId = id(`${name}-error`);
  const hintId = hint ? id(`${name}-hint`) : null;
  const attributes = { id: inputId, name, required, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') };
  const control = multiline ? h('textarea', { ...attributes, rows: 3 }) : h('input', { ...attributes, type });
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: inputId }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    control,
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    h('p', { id: errorId, class: 'field-error' }),
  );
}

export function resolveForm(ticket, { flash, rerender }) {
  const filing = /械备/.test(ticket.canonical);
  const number = numberField({
    label: '注册证编号/备案编号（按证书原样填写）',
    name: 'number',
    value: ticket.canonical,
    required: true,
    expected: ticket.canonical,
  });
  const typeId = id('documentType');
  const form = h(
    'form',
    { class: 'card resolve', novalidate: true, 'aria-labelledby': 'resolve-title' },
    h('h2', { id: 'resolve-title' }, '补录证书信息'),
    h('p', { class: 'hint' }, '请对照上传的证书填写；日期规则与导入相同。提交后，所有后续查询将直接返回这些数据。'),
    number.element,
    h(
      'div',
      { class: 'field', 'data-field': 'documentType' },
      h('label', { for: typeId }, '文件类型'),
      h(
        'select',
        { id: typeId, name: 'documentType' },
        DOCUMENT_TYPES.map(([value, label]) => h('option', { value }, label)),
      ),
      h('p', { class: 'field-error' }),
    ),
    field('productName', '产品名称', { required: true }),
    field('holder', filing ? '备案人名称' : '注册人名称'),
    h(
      'div',
      { class: 'field-row' },
      field('approvalDate', filing ? '备案日期' : '批准日期', { type: 'date', required: true }),
      filing
        ? null
        : field('effectiveDate', '生效日期', { type: 'date', hint: '2022 年起的新版注册证载明生效日期；旧版证书留空（按批准日期填报）。' }),
      filing ? null : field('expiryDate', '有效期至', { type: 'date', required: true }),
    ),
    h(
      'details',
      { class: 'more' },
      h('summary', {}, '更多字段（型号规格、结构及组成、适用范围、地址等）'),
      field('modelSpec', '型号规格', { multiline: true }),
      field('structure', filing ? '产品描述' : '结构及组成', { multiline: true }),
      field('scope', filing ? '预期用途' : '适用范围', { multiline: true }),
      field('holderAddress', filing ? '备案人住所' : '注册人住所'),
      field('productionAddress', '生产地址'),
      field('approvalDepartment', filing ? '备案单位' : '审批部门'),
      field('changeDescription', '变更情况', { multiline: true }),
      field('remarks', '备注', { multiline: true }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '提交补录')),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = {};
    for (const [name, value] of new FormData(form)) {
      const text = String(value).trim();
      if (text !== '') body[name] = text;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api(`/v1/tickets/${ticket.id}/resolve`, { method: 'POST', body });
      flash('已补录：之后对该证号的查询将直接返回录入的数据。', 'success');
      await rerender();
    } catch (error) {
      const problem = error.problem ?? {};
      const issues = problem.issues ?? (problem.code === 'number_mismatch' ? [{ field: 'number', message: problem.message }] : []);
      // The summary is the whole answer (Chinese text and code); issues also go next to their fields.
      showErrors(form, issues, `未能提交：${error.message}`);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
