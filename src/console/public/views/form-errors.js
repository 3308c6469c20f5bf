// Shows a 422's issues next to the fields they name, and moves focus to the first one.
import { h } from '../dom.js';

export function clearErrors(form) {
  for (const error of form.querySelectorAll('.field-error')) error.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  form.querySelector('.form-error')?.remove();
}

/** `issues`: [{ field, message: { zh } }]; issues without a known field go in a summary at the top. */
export function showErrors(form, issues, summary) {
  const general = [];
  let first = null;
  for (const issue of issues) {
    // Older answers carried a plain string; show whatever text there is rather than nothing.
    const text = issue.message?.zh || (typeof issue.message === 'string' ? issue.message : '');
    if (!text) continue;
    const field = issue.field ? form.querySelector(`[data-field="${issue.field}"]`) : null;
    const input = field?.querySelector('input, select, textarea');
    const error = field?.querySelector('.field-error');
    if (!field || !input || !error) {
      general.push(text);
      continue;
    }
    error.textContent = error.textContent ? `${error.textContent} ${text}` : text;
    input.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  const box = h(
    'div',
    { class: 'form-error', role: 'alert' },
    h('p', {}, summary),
    general.length
      ? h(
          'ul',
          {},
          general.map((text) => h('li', {}, text)),
        )
      : null,
  );
  form.prepend(box);
  if (first) {
    first.focus();
  } else {
    box.setAttribute('tabindex', '-1');
    box.focus();
  }
}
