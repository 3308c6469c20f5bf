// Sign in with a technician (or admin) API key; the key is checked against /v1/auth/me.
import { api, session } from '../api.js';
import { h, id } from '../dom.js';

export function signInView({ onSignedIn }) {
  const inputId = id('key');
  const errorId = id('key-error');
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const input = h('input', {
    id: inputId,
    name: 'key',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': errorId,
  });
  const button = h('button', { type: 'submit', class: 'primary' }, '登录');
  const form = h(
    'form',
    { class: 'card sign-in', novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: inputId }, 'API 密钥'),
      input,
      h('p', { class: 'hint' }, '请输入管理员为您创建的技术人员密钥（以 crk_ 开头）。'),
      error,
    ),
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!key) {
      error.textContent = '请输入密钥。';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      const me = await api('/v1/auth/me', { key });
      if (me.role !== 'technician' && me.role !== 'admin') {
        error.textContent = '该密钥没有技术人员权限，无法处理工单。';
      } else {
        session.set({ key, actor: me.actor, name: me.name, role: me.role });
        onSignedIn();
        return;
      }
    } catch (caught) {
      error.textContent = caught.status === 401 ? '密钥无效或已被吊销。' : caught.message;
    } finally {
      button.disabled = false;
    }
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  });
  const view = h('section', { class: 'narrow' }, h('h1', {}, '技术人员登录'), form);
  view.dataset.title = '登录';
  return view;
}
