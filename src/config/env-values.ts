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
