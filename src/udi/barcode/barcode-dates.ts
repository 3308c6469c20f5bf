import { z } from 'zod';

const isoDate = z.iso.date();

/**
 * A barcode's date as an ISO date, or null when it is no date. GS1 dates are YYMMDD, and a day of
 * `00` means the last day of that month (GS1 General Specifications §3.4.6); MA codes also write
 * YYYYMMDD. A two-digit year takes the century GS1's sliding window gives around `currentYear`
 * (§7.12): up to 49 years ahead, else up to 50 years back, so an expiry of `27` is 2027.
 */
export function barcodeDate(text: string, currentYear: number): string | null {
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [, yearText = '', monthText = '', dayText = ''] = match;
  const year = yearText.length === 4 ? Number(yearText) : fullYear(Number(yearText), currentYear);
  const month = Number(monthText);
  if (month < 1 || month > 12) return null;
  const day = dayText === '00' ? lastDayOf(year, month) : Number(dayText);
  const iso = `${String(year).padStart(4, '0')}-${monthText}-${String(day).padStart(2, '0')}`;
  // The calendar check: 300230 is no date, where Date would quietly roll it into March.
  return isoDate.safeParse(iso).success && day <= lastDayOf(year, month) ? iso : null;
}

function fullYear(yy: number, currentYear: number): number {
  const century = Math.floor(currentYear / 100) * 100;
  const difference = yy - (currentYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
