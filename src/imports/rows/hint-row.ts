import { foldWidth } from './cells.ts';

/**
 * Templates carry a row of instructions under the header ("必填，格式：2023-05-01",
 * "示例：粤械注准…", "请填写…"). The reporting system assumed it was always row 2 and lost a product
 * when a user deleted it (FAQ). Here such a row is recognised by what it says, wherever it is.
 */

const HINT_MARKERS = [
  '必填',
  '选填',
  '非必填',
  '可不填',
  '请填写',
  '请输入',
  '请选择',
  '填写说明',
  '填写要求',
  '填报说明',
  '示例',
  '样例',
  '例如',
  '例：',
  '例:',
  '如：',
  '格式：',
  '格式:',
  '格式为',
  '日期格式',
  'yyyy',
  'required',
  'optional',
  'e.g.',
  'example',
  'format:',
];

const HINT_PATTERN = new RegExp(
  HINT_MARKERS.map((marker) => marker.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'i',
);

/** True when a cell reads as an instruction to whoever fills in the template. */
export function isHintText(text: string): boolean {
  if (text === '') return false;
  return HINT_PATTERN.test(foldWidth(text));
}

/**
 * A hint row: its number cell is an instruction, or it has no number and at least half of its
 * filled cells are instructions. A data row whose 备注 happens to say "例如" keeps its number and so
 * is never taken for a hint.
 */
export function isHintRow(numberText: string, filledTexts: readonly string[]): boolean {
  if (isHintText(numberText)) return true;
  if (numberText !== '' || filledTexts.length === 0) return false;
  let hints = 0;
  for (const text of filledTexts) if (isHintText(text)) hints++;
  return hints * 2 >= filledTexts.length;
}
