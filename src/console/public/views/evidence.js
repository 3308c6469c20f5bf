// Evidence: the certificate scans and PDFs attached to a ticket, previewed and downloaded with the key.
import { api } from '../api.js';
import { h, id } from '../dom.js';
import { size, when } from '../format.js';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const objectUrls = new Map();

async function objectUrl(attachment) {
  if (!objectUrls.has(attachment.href)) objectUrls.set(attachment.href, URL.createObjectURL(await api(attachment.href)));
  return objectUrls.get(attachment.href);
}

export function evidenceSection(ticket, { flash, rerender, canUpload }) {
  const list = ticket.attachments ?? [];
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const items = list.map((attachment) => {
    const show = async () => {
      try {
        const url = await objectUrl(attachment);
        const label = `证据预览：${attachment.fileName}`;
        preview.replaceChildren(
          attachment.mediaType === 'application/pdf'
            ? h('iframe', { src: url, title: label, class: 'preview-frame' })
            : h('img', { src: url, alt: label, class: 'preview-image' }),
        );
      } catch (error) {
        flash(error.message, 'error');
      }
    };
    const download = async () => {
      try {
        const link = h('a', { href: await objectUrl(attachment), download: attachment.fileName });
        document.body.append(link);
        link.click();
        link.remove();
      } catch (error) {
        flash(error.message, 'error');
      }
    };
    return h(
      'li',
      { class: 'attachment' },
      h(
        'div',
        {},
        h('strong', {}, attachment.fileName),
        h(
          'div',
          { class: 'muted' },
          `${attachment.mediaType.replace('application/', '').replace('image/', '').toUpperCase()} · ${size(attachment.sizeBytes)} · ${attachment.uploadedByName ?? attachment.uploadedBy} · ${when(attachment.uploadedAt)}`,
        ),
      ),
      h(
        'div',
        { class: 'attachment-actions' },
        h('button', { type: 'button', onclick: show }, '预览'),
        h('button', { type: 'button', onclick: download }, '下载'),
      ),
    );
  });

  const section = h(
    'section',
    { 'aria-labelledby': 'evidence-title', class: 'card' },
    h('h2', { id: 'evidence-title' }, `证据（${list.length}）`),
    list.length ? h('ul', { class: 'plain' }, items) : h('p', { class: 'empty' }, '尚未上传证书文件。'),
    preview,
  );
  if (canUpload) section.append(uploadForm(ticket, { flash, rerender }));
  return section;
}

function uploadForm(ticket, { flash, rerender }) {
  const inputId = id('evidence-file');
  const errorId = id('evidence-error');
  const input = h('input', { id: inputId, name: 'file', type: 'file', accept: ACCEPT, required: true, 'aria-describedby': errorId });
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const button = h('button', { type: 'submit' }, '上传');
  const form = h(
    'form',
    { class: 'upload', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: inputId }, '上传证书（PDF、JPG、PNG，不超过 20 MB）'), input, error),
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const file = input.files?.[0];
    if (!file) {
      error.textContent = '请选择文件。';
      input.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      error.textContent = '附件超过 20 MB 上限，请压缩附件或换成图片格式后再上传。';
      input.focus();
      return;
    }
    const data = new FormData();
    data.append('file', file, file.name);
    button.disabled = true;
    try {
      await api(`/v1/tickets/${ticket.id}/attachments`, { method: 'POST', form: data });
      flash(`已上传：${file.name}`, 'success');
      await rerender();
    } catch (caught) {
      error.textContent = caught.message;
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
