import type { IsoDate } from '../../shared/dates.ts';
import { type Cell, foldWidth } from './cells.ts';

type DateParse = { ok: true; date: IsoDate } | { ok: false };

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for (serials > 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serials from 1980 to 2100: anything outside is not a certificate date typed as a number. */
const MIN_SERIAL = 29_221;
const MAX_SERIAL = 73_415;

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/**
 * Reads the date forms found in filled-in templates: `2023-05-01`, `2023/5/1`, `2023.5.1`,
 * `2023年5月1日`, `20230501`, an Excel serial (number or digits), or an XLSX date cell.
 * Impossible dates (2023-02-30) and years outside 1980–2100 are refused, never adjusted.
 */
export function parseImportDate(cell: Cell): DateParse {
  if (cell instanceof Date) return fromUtcMs(cell.getTime());
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell !== 'string') return { ok: false };
  const text = foldWidth(cell).trim();
  const parts = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (parts) return fromParts(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  if (SERIAL.test(text)) return fromSerial(Number(text));
  return { ok: false };
}

function fromSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return { ok: false };
  return fromUtcMs(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

function fromUtcMs(ms: number): DateParse {
  if (Number.isNaN(ms)) return { ok: false };
  // exceljs builds date cells at UTC midnight; a time of day (rare in these files) is dropped.
  const d = new Date(ms);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fromParts(year: number, month: number, day: number): DateParse {
  if (year < 1980 || year > 2100 || month < 1 || month > 12 || day < 1) return { ok: false };
  if (day > daysInMonth(year, month)) return { ok: false };
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
