// A certificate number input that says, as the technician types, what the number engine reads.
import { api } from '../api.js';
import { debounce, h, id } from '../dom.js';

/** `expected`: the ticket's canonical number, to warn when the entry names another certificate. */
export function numberField({ label, name, value = '', required = false, expected = null, hint = '' }) {
  const inputId = id(name);
  const checkId = id(`${name}-check`);
  const errorId = id(`${name}-error`);
  const input = h('input', {
    id: inputId,
    name,
    type: 'text',
    value,
    required,
    autocomplete: 'off',
    spellcheck: 'false',
    inputmode: 'text',
    'aria-describedby': `${checkId} ${errorId}`,
  });
  const check = h('p', { id: checkId, class: 'number-check', 'aria-live': 'polite' });
  const error = h('p', { id: errorId, class: 'field-error' });
  let sequence = 0;

  const run = async () => {
    const text = input.value.trim();
    const mine = ++sequence;
    if (!text) {
      check.textContent = '';
      check.className = 'number-check';
      return;
    }
    try {
      const { results } = await api('/v1/numbers/normalize', { method: 'POST', body: { inputs: [text] } });
      if (mine !== sequence) return;
      const [result] = results;
      if (result.numbers.length === 1) {
        const number = result.numbers[0];
        const other = expected && number.canonical !== expected;
        check.className = `number-check ${other ? 'warn' : 'ok'}`;
        check.textContent = other
          ? `识别为 ${number.canonical}，与工单证号 ${expected} 不同。`
          : `✓ 识别为 ${number.canonical}（${number.authorityName}，第${['一', '二', '三'][number.class - 1]}类，${number.year} 年）`;
      } else if (result.numbers.length > 1) {
        check.className = 'number-check bad';
        check.textContent = `包含 ${result.numbers.length} 个证号，请只填写一个。`;
      } else {
        check.className = 'number-check bad';
        const suggestions = result.error?.suggestions?.length ? `；可能是：${result.error.suggestions.slice(0, 3).join('、')}` : '';
        check.textContent = `✗ ${result.error?.message?.zh ?? '无法识别的证号'}${suggestions}`;
      }
    } catch {
      if (mine === sequence) check.textContent = '';
    }
  };
  input.addEventListener('input', debounce(run, 250));
  if (value) queueMicrotask(run);

  const element = h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: inputId }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    input,
    hint ? h('p', { class: 'hint' }, hint) : null,
    check,
    error,
  );
  return { element, input };
}
