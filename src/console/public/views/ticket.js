// A ticket's page: what it is, who asked and when, the evidence, the audit trail, and the actions.
import { api, session } from '../api.js';
import { h } from '../dom.js';
import { ACTION, actorName, REASON, RESOLUTION, STATUS, when } from '../format.js';
import { autofillPreview } from './autofill-preview.js';
import { evidenceSection } from './evidence.js';
import { rejectForm } from './reject-form.js';
import { resolveForm } from './resolve-form.js';

export async function ticketView(ticketId, { flash, rerender }) {
  let ticket;
  let history;
  try {
    [ticket, { entries: history }] = await Promise.all([api(`/v1/tickets/${ticketId}`), api(`/v1/tickets/${ticketId}/history`)]);
  } catch (error) {
    const view = h(
      'section',
      {},
      h('h1', {}, `工单 ${ticketId}`),
      h('p', { class: 'flash flash-error', role: 'alert' }, error.message),
      backLink(),
    );
    view.dataset.title = `工单 ${ticketId}`;
    return view;
  }
  const me = session.get();
  const mine = ticket.status === 'claimed' && ticket.claim?.by === me.actor;
  const active = ticket.status === 'open' || ticket.status === 'claimed';

  const act = async (action, body) => {
    try {
      await api(`/v1/tickets/${ticketId}/${action}`, { method: 'POST', ...(body ? { body } : {}) });
      flash(action === 'claim' ? '已认领，请核对证据后补录或驳回。' : '已释放，工单回到待处理队列。');
    } catch (error) {
      flash(error.message, 'error');
    }
    await rerender();
  };

  const actions = h('div', { class: 'actions' });
  if (ticket.status === 'open') actions.append(h('button', { type: 'button', class: 'primary', onclick: () => act('claim') }, '认领'));
  if (mine) actions.append(h('button', { type: 'button', onclick: () => act('claim') }, '续期认领'));
  if (ticket.status === 'claimed' && (mine || me.role === 'admin'))
    actions.append(h('button', { type: 'button', onclick: () => act('release') }, '释放'));
  // On a phone the evidence comes after the forms: a way to jump to it (hash links would change the page).
  actions.append(
    h('button', { type: 'button', class: 'narrow-only', onclick: jumpToEvidence }, `查看证据（${ticket.attachments?.length ?? 0}）`),
  );
  actions.append(backLink());

  const view = h(
    'article',
    { class: 'ticket' },
    h(
      'header',
      { class: 'ticket-head' },
      h(
        'h1',
        {},
        h('span', { class: 'number' }, ticket.canonical),
        ' ',
        h('span', { class: `badge badge-${ticket.status}` }, STATUS[ticket.status]),
      ),
      actions,
    ),
    h(
      'div',
      { class: 'ticket-grid' },
      h(
        'div',
        { class: 'ticket-main' },
        facts(ticket),
        ticket.status === 'resolved' ? await autofillPreview(ticket.canonical) : null,
        mine ? resolveForm(ticket, { flash, rerender }) : null,
        mine ? rejectForm(ticket, { flash, rerender }) : null,
        active && !mine
          ? h(
              'p',
              { class: 'hint' },
              ticket.status === 'open' ? '认领后即可补录证书信息或驳回。' : `该工单正由 ${ticket.claim.name} 处理。`,
            )
          : null,
      ),
      h(
        'div',
        { class: 'ticket-side' },
        evidenceSection(ticket, { flash, rerender, canUpload: active }),
        requesters(ticket),
        lookups(ticket),
        trail(history),
      ),
    ),
  );
  view.dataset.title = `工单 ${ticket.canonical}`;
  return view;
}

function jumpToEvidence() {
  const heading = document.getElementById('evidence-title');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
  heading.scrollIntoView({ block: 'start' });
}

function backLink() {
  return h('a', { href: '#/queue', class: 'button-link' }, '返回列表');
}

function facts(ticket) {
  const rows = [
    ['工单编号', String(ticket.id)],
    ['状态', STATUS[ticket.status]],
    ['查询次数', String(ticket.requestCount)],
    ['查询单位数', String(ticket.requesterCount)],
    ['首次查询', when(ticket.firstSeenAt)],
    ['最近查询', when(ticket.lastSeenAt)],
  ];
  if (ticket.claim) rows.push(['处理人', ticket.claim.name], ['认领到期', when(ticket.claim.expiresAt)]);
  if (ticket.resolution)
    rows.push(
      ['解决方式', RESOLUTION[ticket.resolution.kind]],
      ['解决人', ticket.resolution.name],
      ['解决时间', when(ticket.resolution.at)],
    );
  if (ticket.rejection) {
    rows.push(['驳回原因', REASON[ticket.rejection.reason]]);
    if (ticket.rejection.correctNumber) rows.push(['正确证号', ticket.rejection.correctNumber]);
    if (ticket.rejection.note) rows.push(['说明', ticket.rejection.note]);
    rows.push(['驳回人', ticket.rejection.name], ['驳回时间', when(ticket.rejection.at)]);
  }
  return card(
    'facts',
    '工单信息',
    h(
      'dl',
      { class: 'facts' },
      rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
  );
}

function requesters(ticket) {
  const list = ticket.requesters ?? [];
  return card(
    'requesters',
    `查询单位（${list.length}）`,
    emptyOr(
      list,
      h(
        'ul',
        { class: 'plain' },
        list.map((r) =>
          h(
            'li',
            { class: 'requester' },
            h('strong', {}, r.organisation),
            h('span', {}, ` · 查询 ${r.requestCount} 次 · 最近 ${when(r.lastSeenAt)}`),
            r.contact ? h('div', {}, `联系方式：${r.contact}`) : null,
            r.callbackUrl ? h('div', { class: 'muted' }, `状态通知：${r.callbackUrl}`) : null,
          ),
        ),
      ),
    ),
  );
}

function lookups(ticket) {
  const days = ticket.lookupsByDay ?? [];
  const most = Math.max(1, ...days.map((d) => d.count));
  return card(
    'lookups',
    '每日查询次数',
    emptyOr(
      days,
      h(
        'ol',
        { class: 'bars' },
        days.slice(-30).map((d) => {
          const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
          bar.style.setProperty('--share', String(d.count / most));
          return h('li', {}, h('span', { class: 'bar-label' }, d.day), bar, h('span', { class: 'bar-value' }, `${d.count} 次`));
        }),
      ),
    ),
  );
}

function trail(history) {
  return card(
    'trail',
    '处理记录',
    h(
      'ol',
      { class: 'trail' },
      history.map((entry) =>
        h(
          'li',
          {},
          h('time', { datetime: entry.at }, when(entry.at)),
          ' ',
          h('strong', {}, ACTION[entry.action] ?? entry.action),
          ` · ${actorName(entry.actorName ?? entry.actor)}`,
          entry.after?.attachment ? ` · ${entry.after.attachment.fileName}` : '',
        ),
      ),
    ),
  );
}

/** A titled card; its heading names the section for screen readers. */
function card(name, title, ...body) {
  return h('section', { 'aria-labelledby': `${name}-title`, class: 'card' }, h('h2', { id: `${name}-title` }, title), ...body);
}

/** What a card shows for a list that is still empty. */
function emptyOr(list, shown) {
  return list.length === 0 ? h('p', { class: 'empty' }, '暂无。') : shown;
}
