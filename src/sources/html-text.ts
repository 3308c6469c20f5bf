/** Every kind of space a Chinese government page uses: NBSP, ideographic space, zero-width … */
const SPACES = /(?:\s|\u00a0|\u3000|\u200b|\u200c|\u200d|\ufeff)+/g;

/** The visible text of an element on one line, spaces collapsed. */
export function cellText(element: { text(): string }): string {
  return element.text().replace(SPACES, ' ').trim();
}

/** A label as printed (`注册证编号：`, `* 产品名称`), reduced to the words that name the field. */
export function labelText(text: string): string {
  return text
    .replace(SPACES, '')
    .replace(/^[*※]+/, '')
    .replace(/[:：]+$/, '');
}
