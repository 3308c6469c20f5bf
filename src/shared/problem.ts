import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A message in Chinese and English (Chinese first), as problems and reports carry it. */
export const bilingualTextSchema = z.object({
  zh: z.string().describe('中文说明。 Explanation in Chinese.'),
  en: z.string().describe('英文说明。 English explanation'),
});

/** RFC 9457 problem document with the service's stable `code` and bilingual text. */
export const problemSchema = z
  .object({
    type: z
      .string()
      .describe('问题类型的 URI：`urn:certref:problem:<code>`。 A URI naming the problem type: `urn:certref:problem:<code>`.'),
    title: z.string().describe('简短的英文摘要。 Short English summary.'),
    status: z.number().int().describe('状态码（HTTP）。 The HTTP status code.'),
    code: z
      .string()
      .describe('稳定的机读错误代码；请据此判断，而不是依据文字。 Stable machine-readable error code; switch on this, not on the text.'),
    detail: z.string().describe('英文说明。 English explanation.'),
    message: bilingualTextSchema.describe('中英文说明。 The explanation in Chinese and English.'),
  })
  .loose()
  .meta({ id: 'Problem' });

export type Problem = z.output<typeof problemSchema>;
