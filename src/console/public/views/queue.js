// The queue: filter by state, sort by demand or age, page by cursor.
import { api } from '../api.js';
import { h, id } from '../dom.js';
import { STATUS, when } from '../format.js';

const PAGE_SIZE = 20;
/** Cursors of the pages before this one, for 上一页 (the API pages forward only). */
let trail = [];
/** The first page's count (later pages do not repeat it). */
let total = 0;

function readHash(hash) {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  return { status: params.get('status') ?? 'open', sort: params.get('sort') ?? 'demand', cursor: params.get('cursor') ?? '' };
}

function hashFor({ status, sort, cursor }) {
  const params = new URLSearchParams({ status, sort });
  if (cursor) params.set('cursor', cursor);
  return `#/queue?${params}`;
}

export async function queueView(hash, { flash }) {
  const state = readHash(hash);
  if (!state.cursor) trail = [];

  const statusId = id('status');
  const sortId = id('sort');
  const statusSelect = h(
    'select',
    { id: statusId, name: 'status' },
    [['all', '全部'], ...Object.entries(STATUS)].map(([value, label]) => h('option', { value, selected: value === state.status }, label)),
  );
  const sortSelect = h(
    'select',
    { id: sortId, name: 'sort' },
    h('option', { value: 'demand', selected: state.sort === 'demand' }, '按查询次数（多→少）'),
    h('option', { value: 'age', selected: state.sort === 'age' }, '按等待时间（久→近）'),
  );
  const go = () => {
    trail = [];
    location.hash = hashFor({ status: statusSelect.value, sort: sortSelect.value, cursor: '' });
  };
  statusSelect.addEventListener('change', go);
  sortSelect.addEventListener('change', go);
  const filters = h(
    'form',
    {
      class: 'filters',
      'aria-label': '筛选与排序',
      onsubmit: (event) => {
        event.preventDefault();
        go();
      },
    },
    h('div', { class: 'field inline' }, h('label', { for: statusId }, '状态'), statusSelect),
    h('div', { class: 'field inline' }, h('label', { for: sortId }, '排序'), sortSelect),
  );

  const view = h('section', {}, h('h1', {}, '补录工单'), filters);
  view.dataset.title = '补录工单';

  const query = new URLSearchParams({ sort: state.sort, limit: String(PAGE_SIZE) });
  if (state.status !== 'all') query.set('status', state.status);
  if (state.cursor) query.set('cursor', state.cursor);
  let page;
  try {
    page = await api(`/v1/tickets?${query}`);
  } catch (error) {
    if (error.problem?.code === 'invalid_cursor') {
      trail = [];
      location.hash = hashFor({ ...state, cursor: '' });
    }
    view.append(h('p', { class: 'flash flash-error', role: 'alert' }, error.message));
    return view;
  }

  if (page.total !== null) total = page.total;
  view.append(h('p', { class: 'summary' }, `共 ${total} 个工单${state.status === 'all' ? '' : `（${STATUS[state.status]}）`}`));
  if (page.tickets.length === 0) {
    view.append(h('p', { class: 'empty' }, '没有符合条件的工单。'));
  } else {
    view.append(ticketTable(page.tickets));
  }

  const previous = h('button', { type: 'button', disabled: trail.length === 0 && !state.cursor }, '上一页');
  previous.addEventListener('click', () => {
    const before = trail.pop() ?? '';
    location.hash = hashFor({ ...state, cursor: before });
  });
  const next = h('button', { type: 'button', disabled: !page.nextCursor }, '下一页');
  next.addEventListener('click', () => {
    trail.push(state.cursor);
    location.hash = hashFor({ ...state, cursor: page.nextCursor });
  });
  view.append(h('nav', { class: 'pager', 'aria-label': '分页' }, previous, next));
  if (flash && page.tickets.length === 0 && state.cursor) flash('已经是最后一页。');
  return view;
}

/** Who has it now, or who closed it. */
function handlerName(ticket) {
  return ticket.claim?.name ?? ticket.resolution?.name ?? ticket.rejection?.name ?? '—';
}

function ticketTable(tickets) {
  const columns = ['证号', '状态', '查询次数', '查询单位', '首次查询', '最近查询', '处理人'];
  return h(
    'table',
    { class: 'queue' },
    h('caption', { class: 'visually-hidden' }, '工单列表'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((column) => h('th', { scope: 'col' }, column)),
      ),
    ),
    h(
      'tbody',
      {},
      tickets.map((ticket) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row', 'data-label': columns[0] },
            h('a', { href: `#/tickets/${ticket.id}`, class: 'number' }, ticket.canonical),
          ),
          h('td', { 'data-label': columns[1] }, h('span', { class: `badge badge-${ticket.status}` }, STATUS[ticket.status])),
          h('td', { 'data-label': columns[2], class: 'numeric' }, String(ticket.requestCount)),
          h('td', { 'data-label': columns[3], class: 'numeric' }, String(ticket.requesterCount)),
          h('td', { 'data-label': columns[4] }, when(ticket.firstSeenAt)),
          h('td', { 'data-label': columns[5] }, when(ticket.lastSeenAt)),
          h('td', { 'data-label': columns[6] }, handlerName(ticket)),
        ),
      ),
    ),
  );
}
