import type { BilingualText } from './app-error.ts';

/**
 * One zod issue as fastify-type-provider-zod hands it over: zod's `code` as `keyword`, the rest of
 * the issue (minimum, values, format, params …) in `params`.
 */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

export interface FieldIssue {
  field: string | null;
  message: BilingualText;
}

/**
 * Chinese text may hold ASCII letters only inside backquotes (field names, codes, values, patterns),
 * so a reader can tell at once which part is to be typed as shown.
 */
const quote = (text: unknown): string => `\`${String(text)}\``;

const PLACE: Record<string, string> = { body: '请求体字段', querystring: '查询参数', params: '路径参数', headers: '请求头' };

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: `布尔值（${quote('true')} 或 ${quote('false')}）`,
  array: '列表（数组）',
  object: '对象',
  date: '日期',
  null: '空值',
};

const FORMAT_ZH: Record<string, string> = {
  date: `日期，格式为 ${quote('YYYY-MM-DD')}`,
  datetime: `日期时间，格式为 ${quote('YYYY-MM-DDTHH:mm:ssZ')}`,
  time: `时间，格式为 ${quote('HH:mm:ss')}`,
  url: '有效的网址',
  email: '有效的电子邮件地址',
  uuid: `有效的 ${quote('UUID')}`,
  ipv4: `有效的 ${quote('IPv4')} 地址`,
  ipv6: `有效的 ${quote('IPv6')} 地址`,
};

/** "at least / at most n" in the unit the checked value is measured in. */
function bound(origin: unknown, limit: unknown, inclusive: unknown, low: boolean): string {
  const n = String(limit);
  switch (origin) {
    case 'string':
      if (low && n === '1') return '不能为空';
      return `${low ? '至少' : '最多'} ${n} 个字符`;
    case 'array':
    case 'set':
      if (low && n === '1') return '至少要有 1 项';
      return `${low ? '至少' : '最多'} ${n} 项`;
    case 'file':
      return `${low ? '至少' : '最多'} ${n} 字节`;
    case 'date':
      return `不能${low ? '早于' : '晚于'} ${new Date(Number(limit)).toISOString().slice(0, 10)}`;
    default:
      if (inclusive === false) return low ? `必须大于 ${n}` : `必须小于 ${n}`;
      return low ? `不能小于 ${n}` : `不能大于 ${n}`;
  }
}

function describeIssue(issue: ValidationIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      // zod 4 keeps what it received only in its English text.
      if (/received undefined$/.test(issue.message ?? '')) return '必须填写';
      return `应为${TYPE_ZH[String(p.expected)] ?? quote(p.expected)}`;
    case 'too_small':
      return bound(p.origin, p.minimum, p.inclusive, true);
    case 'too_big':
      return bound(p.origin, p.maximum, p.inclusive, false);
    case 'not_multiple_of':
      return `必须是 ${String(p.divisor)} 的倍数`;
    case 'invalid_format':
      if (p.format === 'regex') return `格式不正确，应符合 ${quote(p.pattern)}`;
      if (p.format === 'starts_with') return `应以 ${quote(p.prefix)} 开头`;
      if (p.format === 'ends_with') return `应以 ${quote(p.suffix)} 结尾`;
      if (p.format === 'includes') return `应包含 ${quote(p.includes)}`;
      return `应为${FORMAT_ZH[String(p.format)] ?? `有效的 ${quote(p.format)}`}`;
    case 'invalid_value': {
      const values = Array.isArray(p.values) ? p.values : [];
      if (values.length === 1) return `必须是 ${quote(values[0])}`;
      return `必须是以下之一：${values.map(quote).join('、')}`;
    }
    case 'unrecognized_keys':
      return '不是可用的字段，请删除';
    case 'invalid_union':
      return '不符合任何一种允许的写法';
    case 'invalid_key':
      return '含有无效的键';
    case 'invalid_element':
      return '含有无效的元素';
    case 'custom': {
      // A refinement says its Chinese in `params.zh`; see e.g. the search year range.
      const custom = p.params as { zh?: unknown } | undefined;
      return typeof custom?.zh === 'string' ? custom.zh : '不符合要求';
    }
    default:
      return '无效';
  }
}

/** `/items/0/number` → `items[0].number`, the way a form or a JSON body names it. */
function fieldName(instancePath: string): string | null {
  const parts = instancePath.split('/').filter(Boolean);
  if (parts.length === 0) return null;
  return parts.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** Turns the zod issues of one request part into per-field Chinese and English messages. */
export function translateIssues(issues: readonly ValidationIssue[], context: string | undefined): FieldIssue[] {
  const place = PLACE[context ?? ''] ?? '参数';
  return issues.flatMap((issue): FieldIssue[] => {
    const en = issue.message ?? 'Invalid input';
    const field = fieldName(issue.instancePath);
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      // One entry per stray key, so each can be shown (and removed) on its own.
      return issue.params.keys.map((key) => {
        const name = field ? `${field}.${String(key)}` : String(key);
        return { field: name, message: { zh: `${place} ${quote(name)}：${describeIssue(issue)}`, en: `${name}: ${en}` } };
      });
    }
    const where = field ? `${place} ${quote(field)}` : place;
    return [{ field, message: { zh: `${where}：${describeIssue(issue)}`, en: field ? `${field}: ${en}` : en } }];
  });
}
