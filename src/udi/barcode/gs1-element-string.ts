import { type ParsedElement, parseBarcode } from 'gs1-barcode-parser-mod';
import type { AppError } from '../../shared/app-error.ts';
import {
  barcodeCheckDigitMismatch,
  barcodeInvalidDate,
  barcodeTruncated,
  barcodeUnknownElement,
  barcodeWithoutDi,
} from './barcode.errors.ts';
import type { BarcodeReading } from './barcode.schemas.ts';
import { barcodeDate } from './barcode-dates.ts';
import type { BarcodeRead } from './barcode-read.ts';
import { gs1CheckDigit } from './gtin.ts';

/** GS1 allows at most 20 characters of lot or serial: more means a separator was lost between elements. */
const MAX_TEXT_ELEMENT = 20;

/**
 * Reads a GS1 element string (already through scannerText: GS separators, no symbology
 * identifier), printed form with parentheses or scanned form. gs1-barcode-parser-mod splits it
 * into elements, since it knows the length of every AI; what it leaves unchecked is checked here:
 * the GTIN's check digit, calendar dates (it rolls 30 February into March and dates by the system
 * clock), and empty or over-long lots and serials.
 */
export function readGs1ElementString(text: string, currentYear: number): BarcodeRead {
  let elements: ParsedElement[];
  try {
    elements = parseBarcode(text).parsedCodeItems;
  } catch (thrown) {
    return unreadable(parserError(String(thrown)));
  }
  const value = (ai: string) => elements.find((e) => e.ai === ai)?.raw;
  const di = value('01');
  if (di === undefined) return unreadable(barcodeWithoutDi());
  const gtinError = gtinProblem(di);
  if (gtinError) return unreadable(gtinError);

  const reading: BarcodeReading = { issuer: 'GS1', di };
  for (const [ai, field] of [
    ['10', 'lot'],
    ['21', 'serial'],
  ] as const) {
    const found = value(ai);
    if (found === undefined) continue;
    if (found === '') return unreadable(barcodeTruncated(`(${ai})`));
    if (found.length > MAX_TEXT_ELEMENT) return unreadable(barcodeUnknownElement(`(${ai}) longer than ${MAX_TEXT_ELEMENT} characters`));
    reading[field] = found;
  }
  for (const [ai, field] of [
    ['17', 'expiry'],
    ['11', 'productionDate'],
  ] as const) {
    const found = value(ai);
    if (found === undefined) continue;
    const date = barcodeDate(found, currentYear);
    if (date === null) return unreadable(barcodeInvalidDate(`(${ai})`, found));
    reading[field] = date;
  }
  return { kind: 'barcode', reading };
}

/** A DI typed or printed on its own: GTIN-14, or GTIN-13 which is the same number without its leading 0. */
export function readBareGtin(digits: string): BarcodeRead {
  const di = digits.padStart(14, '0');
  const error = gtinProblem(di);
  return error ? unreadable(error) : { kind: 'barcode', reading: { issuer: 'GS1', di } };
}

function gtinProblem(di: string): AppError | null {
  if (!/^\d{14}$/.test(di)) return barcodeUnknownElement('(01) is not 14 digits');
  const expected = gs1CheckDigit(di.slice(0, 13));
  return di.endsWith(String(expected)) ? null : barcodeCheckDigitMismatch(di, expected);
}

/** The parser throws strings; these are the ones it can throw (see its main loop). */
function parserError(message: string): AppError {
  if (message === 'truncated fixed length element') return barcodeTruncated(null);
  if (/^invalid (year|month|day) in date$/.test(message)) return barcodeInvalidDate(null, null);
  return barcodeUnknownElement(message);
}

function unreadable(error: AppError): BarcodeRead {
  return { kind: 'unreadable', issuer: 'GS1', error };
}
