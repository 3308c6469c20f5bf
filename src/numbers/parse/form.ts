import type { Form } from '../number.types.ts';
import { FORM_JIN, FORM_XU, FORM_ZHUN } from '../text/char-codes.ts';

/** The form a code unit stands for (准 domestic, 进 imported, 许 Hong Kong/Macao/Taiwan), or null. */
export function formOf(code: number): Form | null {
  if (code === FORM_ZHUN) return '准';
  if (code === FORM_JIN) return '进';
  if (code === FORM_XU) return '许';
  return null;
}

export const FORMS: readonly Form[] = ['准', '进', '许'];
