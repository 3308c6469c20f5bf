// The console's shell: who is signed in, which page the address names, messages for everyone.
import { session } from './api.js';
import { h } from './dom.js';
import { queueView } from './views/queue.js';
import { signInView } from './views/sign-in.js';
import { ticketView } from './views/ticket.js';

const main = document.getElementById('main');
const account = document.getElementById('account');
const flashRegion = document.getElementById('flash');

/** A message read out by screen readers and shown until the next one. */
export function flash(text, kind = 'info') {
  flashRegion.replaceChildren(h('p', { class: `flash flash-${kind}` }, text));
}

function renderAccount() {
  const current = session.get();
  if (!current) {
    account.replaceChildren();
    return;
  }
  account.replaceChildren(
    h('span', { class: 'who' }, `${current.name}（${current.role === 'admin' ? '管理员' : '技术人员'}）`),
    h('button', { type: 'button', class: 'link-button', onclick: signOut }, '退出'),
  );
}

function signOut() {
  session.clear();
  flash('已退出。');
  location.hash = '#/sign-in';
  render();
}

async function render() {
  renderAccount();
  const hash = location.hash || '#/queue';
  let view;
  if (!session.get()) {
    view = signInView({
      onSignedIn: () => {
        location.hash = '#/queue';
        render();
      },
    });
  } else {
    const ticket = /^#\/tickets\/(\d+)$/.exec(hash);
    view = ticket ? await ticketView(Number(ticket[1]), { flash, rerender: render }) : await queueView(hash, { flash });
  }
  main.replaceChildren(view);
  document.title = `${view.dataset.title ?? '证书补录工作台'} · certref`;
  const heading = main.querySelector('h1');
  (heading ?? main).setAttribute('tabindex', '-1');
  (heading ?? main).focus({ preventScroll: false });
}

window.addEventListener('hashchange', () => {
  flashRegion.replaceChildren();
  render();
});
window.addEventListener('certref:signed-out', () => {
  flash('登录已失效，请重新输入密钥。', 'error');
  render();
});
render();
