import { defineError } from '../shared/app-error.ts';

const STATUS_ZH: Record<string, string> = { open: '待处理', claimed: '处理中', resolved: '已解决', rejected: '已驳回' };
const ACTION_ZH: Record<string, string> = { claim: '认领', release: '释放', resolve: '补录解决', reject: '驳回', attach: '上传证据' };

/** Also what a caller who may not read the ticket by id is told, so nobody learns which ids exist. */
export const ticketNotFound = defineError(404, 'ticket_not_found', (id: number | string) => ({
  text: { zh: `没有编号为 ${id} 的工单。`, en: `No ticket ${id}.` },
}));

export const ticketClosed = defineError(409, 'ticket_closed', (id: number, status: string, action: string) => ({
  text: {
    zh: `工单 ${id} ${STATUS_ZH[status] ?? `\`${status}\``}，不能再${ACTION_ZH[action] ?? `\`${action}\``}。`,
    en: `Ticket ${id} is ${status}; it cannot be ${action === 'claim' ? 'claimed' : action === 'release' ? 'released' : `${action}ed`}.`,
  },
  // Not `status`: that is the problem document's HTTP status.
  extra: { ticketId: id, ticketStatus: status, action },
}));

export const ticketNotClaimed = defineError(409, 'ticket_not_claimed', (id: number, action: string) => ({
  text: {
    zh: `工单 ${id} 尚未被认领：请先认领再${ACTION_ZH[action] ?? `\`${action}\``}。`,
    en: `Ticket ${id} is not claimed: claim it before you ${action} it.`,
  },
  extra: { ticketId: id, action },
}));

export const ticketClaimedByOther = defineError(409, 'ticket_claimed_by_other', (id: number, by: string) => ({
  text: { zh: `工单 ${id} 已由 ${by} 认领处理。`, en: `Ticket ${id} is claimed by ${by}.` },
  extra: { ticketId: id, claimedBy: by },
}));

export const resolutionInvalid = defineError(
  422,
  'resolution_invalid',
  (issues: readonly ({ message: { zh: string; en: string } } & Record<string, unknown>)[]) => ({
    text: {
      zh: `证书信息有误：${issues.map((i) => i.message.zh).join('；')}`,
      en: `The certificate data is invalid: ${issues.map((i) => i.message.en).join('; ')}`,
    },
    extra: { issues },
  }),
);

export const numberMismatch = defineError(422, 'number_mismatch', (entered: string, ticketNumber: string) => ({
  text: {
    zh: `填写的证号 ${entered} 与工单证号 ${ticketNumber} 不是同一证书；如用户输错了证号，请以“证号输错”驳回并给出正确证号。`,
    en: `The number entered (${entered}) is not the ticket's number (${ticketNumber}); if the requester mistyped it, reject the ticket as a typo with the right number.`,
  },
  extra: { entered, ticketNumber },
}));

export const evidenceRequired = defineError(422, 'evidence_required', (id: number) => ({
  text: {
    zh: `工单 ${id} 没有证据附件：请先上传证书的 PDF 或图片再补录。`,
    en: `Ticket ${id} has no evidence: attach the certificate (PDF or image) before resolving.`,
  },
}));

export const correctNumberInvalid = defineError(422, 'correct_number_invalid', (input: string, why: { zh: string; en: string }) => ({
  text: { zh: `正确证号 ${input} 无效：${why.zh}`, en: `The right number ${input} is invalid: ${why.en}` },
  extra: { input },
}));

export const attachmentTooLarge = defineError(413, 'attachment_too_large', (limitMb: number) => ({
  text: {
    zh: `附件超过 ${limitMb} MB 上限，请压缩附件或换成图片格式后再上传。`,
    en: `The attachment is over the ${limitMb} MB limit; compress it or upload an image instead.`,
  },
  extra: { limitBytes: limitMb * 1024 * 1024 },
}));

export const attachmentTypeNotAllowed = defineError(415, 'attachment_type_not_allowed', () => ({
  text: {
    zh: '附件必须是 PDF、JPEG 或 PNG 文件（按文件内容判断，与文件名无关）。',
    en: 'The attachment must be a PDF, JPEG or PNG file (judged by its content, not its name).',
  },
}));

export const attachmentMissing = defineError(400, 'attachment_missing', () => ({
  text: { zh: '请求中没有文件：请以 `multipart` 字段 `file` 上传。', en: 'No file in the request: send it as multipart field `file`.' },
}));

export const attachmentNotFound = defineError(404, 'attachment_not_found', (ticketId: number, attachmentId: number) => ({
  text: { zh: `工单 ${ticketId} 没有编号为 ${attachmentId} 的附件。`, en: `Ticket ${ticketId} has no attachment ${attachmentId}.` },
}));

export const notARequester = defineError(403, 'not_a_requester', (id: number) => ({
  text: {
    zh: `只有查询过该证号的单位或技术人员才能为工单 ${id} 上传证据。`,
    en: `Only an organisation that asked for this number, or a technician, may attach evidence to ticket ${id}.`,
  },
}));
