import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A message in Chinese and English (Chinese first), as problems and reports carry it. */
export const bilingualTextSchema = z.object({ zh: z.string().describe('中文说明'), en: z.string().describe('English explanation') });

/** RFC 9457 problem document with the service's stable `code` and bilingual text. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the problem type: `urn:certref:problem:<code>`.'),
    title: z.string().describe('Short English summary.'),
    status: z.number().int().describe('The HTTP status code.'),
    code: z.string().describe('Stable machine-readable error code; switch on this, not on the text.'),
    detail: z.string().describe('English explanation.'),
    message: bilingualTextSchema.describe('The explanation in Chinese and English.'),
  })
  .loose()
  .meta({ id: 'Problem' });

export type Problem = z.output<typeof problemSchema>;
