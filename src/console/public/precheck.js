// The filing clerk's template pre-check: one upload, the counts, and the corrected file to download.
import { ApiError, session } from './api.js';

const ROWS = [
  ['passed', '通过'],
  ['corrected', '已更正'],
  ['notReportable', '不可填报'],
  ['notListed', '未收录'],
  ['total', '合计'],
];

const form = document.getElementById('precheck-form');
const input = document.getElementById('template-file');
const submit = document.getElementById('precheck-submit');
const dropZone = document.getElementById('drop-zone');
const result = document.getElementById('precheck-result');
const flash = document.getElementById('flash');
const download = document.getElementById('download');
let downloadUrl = null;

function say(text, kind = 'info') {
  flash.replaceChildren();
  if (!text) return;
  const box = document.createElement('p');
  box.className = kind === 'error' ? 'flash flash-error' : 'flash';
  box.textContent = text;
  flash.append(box);
}

/** The name the server gave the corrected file (RFC 5987 form first, since it keeps Chinese names). */
function fileNameOf(response, fallback) {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Asks for the corrected file itself: the counts come in a header, so one upload does both. */
async function precheck(file) {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers = {};
  // Anonymous works within the quotas; a key signed in on the console is used when there is one.
  const key = session.get()?.key;
  if (key) headers.authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch('/v1/prechecks?respond=file', { method: 'POST', body, headers });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const counts = JSON.parse(response.headers.get('x-precheck-counts') ?? '{}');
  return { counts, blob: await response.blob(), name: fileNameOf(response, `${file.name}.checked`) };
}

function show({ counts, blob, name }, source) {
  const tbody = document.querySelector('#result-counts tbody');
  tbody.replaceChildren(
    ...ROWS.map(([key, label]) => {
      const row = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      const td = document.createElement('td');
      td.textContent = String(counts[key] ?? 0);
      td.dataset.count = key;
      row.append(th, td);
      return row;
    }),
  );
  const skipped = counts.hintRows ? `，跳过填写说明行 ${counts.hintRows} 行` : '';
  document.getElementById('result-file').textContent = `${source} 已核查${skipped}。`;
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(blob);
  download.href = downloadUrl;
  download.download = name;
  download.textContent = `下载更正文件（${name}）`;
  result.hidden = false;
}

async function run(file) {
  if (!file) return;
  submit.disabled = true;
  say(`正在核查 ${file.name}……`);
  try {
    show(await precheck(file), file.name);
    say('核查完成。');
    document.getElementById('result-title').focus?.();
  } catch (error) {
    result.hidden = true;
    say(error instanceof ApiError ? error.message : '核查失败，请稍后重试。', 'error');
  } finally {
    submit.disabled = false;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run(input.files?.[0]);
});
dropZone.addEventListener('dragover', (event) => event.preventDefault());
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files?.[0];
  if (file) run(file);
});
