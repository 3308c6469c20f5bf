// Chinese labels and dates for what the API answers in codes and ISO timestamps.

export const STATUS = { open: '待处理', claimed: '处理中', resolved: '已解决', rejected: '已驳回' };
export const REASON = { typo: '证号输错', not_guangdong: '非广东省证书', no_such_certificate: '查无此证', other: '其他原因' };
export const RESOLUTION = { corrected: '技术人员补录', data_arrived: '数据已由其他渠道导入' };
export const ACTION = {
  opened: '创建工单',
  requester_added: '新增查询单位',
  claimed: '认领',
  claim_renewed: '续期认领',
  released: '释放',
  claim_expired: '认领超时自动释放',
  attachment_added: '上传证据',
  resolved: '解决',
  rejected: '驳回',
};

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Who did it, as a person reads it: the key's name when known, else the audit actor. */
export function actorName(actor) {
  if (actor === 'system') return '系统';
  if (actor.startsWith('requester:')) return `查询方 ${actor.slice('requester:'.length)}`;
  if (actor.startsWith('import:')) return `导入批次 ${actor.slice('import:'.length)}`;
  return actor;
}
