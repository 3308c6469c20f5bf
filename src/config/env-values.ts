import cron from 'node-cron';
import { z } from 'zod';
import { bilingualParams } from './config-issues.ts';

/** The shapes environment values take, shared by every group of keys. */
export const cronExpression = z
  .string()
  .refine((value) => cron.validate(value), bilingualParams('不是有效的 cron 表达式', 'not a valid cron expression'));

export const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * A comma-separated list of web origins (`https://host[:port]`, no path), as a browser sends them in
 * `Origin`: each is compared with that header as it is, so a trailing slash or path would never match.
 */
export const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .refine(
    (origins) => origins.every(isOrigin),
    bilingualParams(
      '须为以逗号分隔的来源，每个形如 https://example.com 或 http://host:8080（不带路径和结尾斜杠）',
      'must be a comma-separated list of origins such as https://example.com or http://host:8080 (no path, no trailing slash)',
    ),
  );

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
