import * as cheerio from 'cheerio';
import type { Field } from '../imports/rows/fields.ts';
import { fieldForHeader } from '../imports/rows/fields.ts';
import { cellText, labelText } from './html-text.ts';
import { fieldsOf, type LabelledValues, missingFields } from './labelled-row.ts';

type DetailExtraction =
  | { kind: 'record'; values: LabelledValues }
  | { kind: 'not_found' }
  | { kind: 'layout_changed'; missing: Field[]; labelsSeen: string[] };

/**
 * Reads a certificate detail page (NMPA datasearch and the like): label/value tables, a label
 * cell followed by its value cell, one or two pairs per row; also `<dt>/<dd>` lists. Labels are
 * recognised by meaning (注册证编号 or 备案编号 …), not by position, so a reordered table still
 * reads; a page without the required labels is a changed layout unless it says "no result".
 */
export function extractDetail(html: string, notFoundText: readonly string[]): DetailExtraction {
  const $ = cheerio.load(html);
  const values = new Map<string, string>();
  const put = (label: string, value: string) => {
    if (!values.get(label)) values.set(label, value);
  };

  $('tr').each((_, row) => {
    const cells = $(row).children('td, th').toArray();
    for (let i = 0; i < cells.length - 1; i++) {
      const label = labelText(cellText($(cells[i])));
      if (!label || !fieldForHeader(label)) continue;
      const value = cellText($(cells[i + 1]));
      // Two labels side by side (an empty value cell dropped by the site) are not label and value.
      if (fieldForHeader(labelText(value)) && value.length <= 12) continue;
      put(label, value);
      i++;
    }
  });
  $('dt').each((_, term) => {
    const label = labelText(cellText($(term)));
    const definition = $(term).next('dd');
    if (label && fieldForHeader(label) && definition.length > 0) put(label, cellText(definition));
  });

  const fields = fieldsOf(values.keys());
  const missing = missingFields(fields);
  if (missing.length === 0) return { kind: 'record', values };
  const text = cellText($('body').length > 0 ? $('body') : $.root());
  if (notFoundText.some((marker) => text.includes(marker))) return { kind: 'not_found' };
  return { kind: 'layout_changed', missing, labelsSeen: [...values.keys()] };
}
