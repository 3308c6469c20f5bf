import * as cheerio from 'cheerio';
import type { Field } from '../imports/rows/fields.ts';
import { cellText, labelText } from './html-text.ts';
import { fieldsOf, type LabelledValues, missingFields, REQUIRED_PAGE_FIELDS } from './labelled-row.ts';

type AnnouncementExtraction =
  | { kind: 'rows'; header: string[]; rows: LabelledValues[]; nextUrl: string | null }
  | { kind: 'layout_changed'; missing: Field[]; headersSeen: string[] };

const NEXT_TEXTS = new Set(['下一页', '下页', '后一页', '下一頁', '>', '›', '»', '>>', 'next', 'next>', 'next»']);

interface ChosenTable {
  /** Cell texts of every row of the table. */
  rows: string[][];
  headerIndex: number;
  header: string[];
  score: number;
}

/**
 * Reads a list of approvals: the table whose header row names the most known columns (注册证编号,
 * 产品名称, 批准日期 …), each later row a record keyed by those headers; and the link to the next
 * page. Columns are found by their header, so added or reordered columns still read.
 */
export function extractAnnouncement(html: string, pageUrl: string): AnnouncementExtraction {
  const $ = cheerio.load(html);
  let best: ChosenTable | null = null;
  const headersSeen = new Set<string>();

  for (const table of $('table').toArray()) {
    // Rows of this table only, not of tables nested in its cells.
    const rows = $(table)
      .find('tr')
      .filter((_, tr) => $(tr).closest('table').is(table))
      .toArray()
      .map((tr) =>
        $(tr)
          .children('th, td')
          .toArray()
          .map((cell) => cellText($(cell))),
      );
    for (let r = 0; r < Math.min(rows.length, 5); r++) {
      const header = rows[r]!.map(labelText);
      const fields = fieldsOf(header);
      if (fields.size === 0) continue;
      for (const label of header) if (label) headersSeen.add(label);
      const score = REQUIRED_PAGE_FIELDS.filter((f) => fields.has(f)).length * 10 + fields.size;
      if (fields.size >= 2 && (!best || score > best.score)) best = { rows, headerIndex: r, header, score };
      if (fields.size >= 2) break;
    }
  }

  const missing = missingFields(fieldsOf(best?.header ?? []));
  if (!best || missing.length > 0) {
    return { kind: 'layout_changed', missing: best ? missing : [...REQUIRED_PAGE_FIELDS], headersSeen: [...headersSeen] };
  }

  const records: LabelledValues[] = [];
  for (const cells of best.rows.slice(best.headerIndex + 1)) {
    // Rows that do not span the header (a "共 N 条" footer, a spacer) are furniture, not records.
    if (cells.length < best.header.length || cells.every((c) => c === '')) continue;
    const values = new Map<string, string>();
    best.header.forEach((label, i) => {
      if (label && !values.has(label)) values.set(label, cells[i] ?? '');
    });
    records.push(values);
  }
  return { kind: 'rows', header: best.header, rows: records, nextUrl: nextPageUrl($, pageUrl) };
}

function nextPageUrl($: cheerio.CheerioAPI, pageUrl: string): string | null {
  for (const link of $('a[href]').toArray()) {
    const text = cellText($(link)).toLowerCase();
    const title = ($(link).attr('title') ?? '').trim();
    if (!NEXT_TEXTS.has(text) && !NEXT_TEXTS.has(title)) continue;
    const href = ($(link).attr('href') ?? '').trim();
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) continue;
    try {
      const next = new URL(href, pageUrl);
      if (next.protocol === 'http:' || next.protocol === 'https:') return next.href;
    } catch {
      // A malformed href is no next page.
    }
  }
  return null;
}
