import { z } from 'zod';
import type { BilingualText } from '../shared/app-error.ts';
import type { ConfigProblem } from './config-error.ts';

/**
 * A check zod has no words for (a refinement, a rule across keys) carries its own text in
 * `params`, so both languages come from the same place as the check.
 */
export function bilingualParams(zh: string, en: string): { params: BilingualText } {
  return { params: { zh, en } };
}

type RawIssue = z.core.$ZodRawIssue;

function ownText(issue: RawIssue, language: keyof BilingualText): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const text = (issue.params as Partial<BilingualText> | undefined)?.[language];
  return typeof text === 'string' ? text : undefined;
}

const zodChinese = z.locales.zhCN().localeError;

/** Chinese for the checks the configuration uses, worded for someone editing an environment file. */
function chinese(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return '须为整数';
      if (issue.expected === 'number') return '须为数字';
      break;
    case 'too_small':
      if (issue.origin === 'string') return `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'number') return issue.inclusive ? `不能小于 ${issue.minimum}` : `须大于 ${issue.minimum}`;
      break;
    case 'too_big':
      if (issue.origin === 'string') return `至多 ${issue.maximum} 个字符`;
      if (issue.origin === 'number') return issue.inclusive ? `不能大于 ${issue.maximum}` : `须小于 ${issue.maximum}`;
      break;
    case 'invalid_value':
      return `须为以下之一：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      if (issue.format === 'url') return '须为有效的 http 或 https 网址';
      if (issue.format === 'regex' && 'pattern' in issue) return `格式不符，须匹配 ${String(issue.pattern)}`;
      break;
  }
  const fallback = zodChinese(issue);
  return typeof fallback === 'string' ? fallback : fallback?.message;
}

/** Per-parse error maps: the same issues worded in each language. */
export const configErrorMaps: Record<keyof BilingualText, z.core.$ZodErrorMap> = {
  zh: (issue) => ownText(issue, 'zh') ?? chinese(issue),
  en: (issue) => ownText(issue, 'en'),
};

/** Pairs the issues of the same failed parse in both languages into one problem per issue. */
export function configProblems(zh: z.core.$ZodIssue[], en: z.core.$ZodIssue[]): ConfigProblem[] {
  return en.map((issue, index) => ({
    key: issue.path.join('.'),
    message: { zh: zh[index]?.message ?? issue.message, en: issue.message },
  }));
}
