import { barcodeNotResolvable } from './barcode.errors.ts';
import type { BarcodeRead } from './barcode-read.ts';
import { readBareGtin, readGs1ElementString } from './gs1-element-string.ts';
import { MA_CODE, readMaCode } from './ma-code.ts';
import { GS, scannerText } from './scanner-text.ts';

/** Certificate numbers have Chinese in them and barcodes never do: one test keeps typed numbers off this path. */
const HAN = /\p{Script=Han}/u;

/** Symbology identifiers that only GS1 data uses (GS1-128, DataBar, Composite, DataMatrix, QR Code, DotCode). */
const GS1_SYMBOLOGIES = new Set([']C1', ']e0', ']e1', ']e2', ']d2', ']Q3', ']J1']);

/** An AI in parentheses (the printed form), or AI 01 with its fourteen digits (the scanned form). */
const GS1_START = /^(\(\d{2,4}\)|01\d{14})/;

/** AliHealth's codes (阿里健康, AHM): recognised, but their layout is not published, so no DI is read. */
const AHM_CODE = /^AHM/i;

/**
 * Recognises a scanned or pasted UDI and reads it, or says the input is not a barcode (then it is
 * looked up as a certificate number, as before). Pure: `currentYear` places two-digit years.
 */
export function readBarcode(raw: string, currentYear: number): BarcodeRead {
  if (HAN.test(raw)) return NOT_BARCODE;
  const { text, symbology } = scannerText(raw);
  if (MA_CODE.test(text)) return readMaCode(text, currentYear);
  if (AHM_CODE.test(text)) return { kind: 'unreadable', issuer: 'AHM', error: barcodeNotResolvable('AHM') };
  if (/^\d{13,14}$/.test(text)) return readBareGtin(text);
  // Digits and a group separator: an element string that starts with some AI other than 01.
  const gs1 = GS1_START.test(text) || (symbology !== null && GS1_SYMBOLOGIES.has(symbology)) || (/^\d{2}/.test(text) && text.includes(GS));
  return gs1 ? readGs1ElementString(text, currentYear) : NOT_BARCODE;
}

const NOT_BARCODE: BarcodeRead = Object.freeze({ kind: 'not_barcode' });
