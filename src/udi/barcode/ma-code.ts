import type { AppError } from '../../shared/app-error.ts';
import { barcodeInvalidDate, barcodeTruncated, barcodeUnknownElement } from './barcode.errors.ts';
import type { BarcodeReading } from './barcode.schemas.ts';
import { barcodeDate } from './barcode-dates.ts';
import type { BarcodeRead } from './barcode-read.ts';

/** `MA.156.` (the MA issuing agency, then China's country code): an MA code (IDcode) issued by ZIIOT. */
export const MA_CODE = /^MA\.\d{3}\./i;

/**
 * MA production identifiers: a letter, then the data. S serial, L lot, M production date (P in
 * older codes), E expiry (失效日期), V use-by (有效期, read as the expiry when no E is given), D
 * sterilisation lot, Y medical-insurance code, C the code's check characters.
 */
const PI_FIELDS: Readonly<Record<string, 'serial' | 'lot' | 'productionDate' | 'expiry' | null>> = {
  S: 'serial',
  L: 'lot',
  M: 'productionDate',
  P: 'productionDate',
  E: 'expiry',
  V: null,
  D: null,
  Y: null,
  C: null,
};

/**
 * Reads an MA code, `MA.156.M0.100761.21234561.S00008.M220117.L20220117.E230130.C3`: the DI is
 * the first five dot-separated parts (agency, country, industry, registrant, product); the rest
 * are production identifiers. MA check characters are computed by ZIIOT's own rules and are not
 * verified here; a misread DI is simply not found in the UDI data.
 */
export function readMaCode(text: string, currentYear: number): BarcodeRead {
  const parts = text.split('.');
  const diParts = parts.slice(0, 5);
  if (diParts.length < 5 || diParts.some((p) => p === '')) return unreadable(barcodeTruncated(null));
  const [agency = '', country = '', industry = ''] = diParts;
  const di = [agency.toUpperCase(), country, industry.toUpperCase(), ...diParts.slice(3)].join('.');
  const reading: BarcodeReading = { issuer: 'MA', di };
  let useBy: string | undefined;
  for (const part of parts.slice(5)) {
    const key = part.charAt(0).toUpperCase();
    const data = part.slice(1);
    if (!(key in PI_FIELDS)) return unreadable(barcodeUnknownElement(`MA element .${part.slice(0, 1)}`));
    if (data === '') return unreadable(barcodeTruncated(`.${key}`));
    const field = PI_FIELDS[key];
    if (key === 'V' || field === 'expiry' || field === 'productionDate') {
      const date = barcodeDate(data, currentYear);
      if (date === null) return unreadable(barcodeInvalidDate(`.${key}`, data));
      if (key === 'V') useBy = date;
      else if (field) reading[field] = date;
    } else if (field === 'lot' || field === 'serial') {
      reading[field] = data;
    }
  }
  if (reading.expiry === undefined && useBy !== undefined) reading.expiry = useBy;
  return { kind: 'barcode', reading };
}

function unreadable(error: AppError): BarcodeRead {
  return { kind: 'unreadable', issuer: 'MA', error };
}
