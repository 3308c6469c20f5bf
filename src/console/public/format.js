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

// Built by hand: Intl's zh-CN format writes 2026/11/25, and people here read 2026-11-25.
// Shanghai keeps UTC+8 all year, so shifting the instant and reading its UTC fields is exact.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n) => String(n).padStart(2, '0');

function inShanghai(iso) {
  const t = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return {
    day: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
    time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`,
  };
}

/** A timestamp as `YYYY-MM-DD HH:mm`, Shanghai time, whatever the browser's locale. */
export function when(iso) {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  const { day, time } = inShanghai(iso);
  return `${day} ${time}`;
}

/** A date as `YYYY-MM-DD`; a plain date is shown as it is, a timestamp by its Shanghai day. */
export function day(iso) {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return Number.isNaN(Date.parse(iso)) ? '—' : inShanghai(iso).day;
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
