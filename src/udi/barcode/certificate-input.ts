import { AppError } from '../../shared/app-error.ts';
import { udiDeviceNotFound } from '../udi.errors.ts';
import { udiDeviceSeveralCertificates, udiDeviceWithoutCertificate } from './barcode.errors.ts';
import type { BarcodeReading } from './barcode.schemas.ts';
import { readBarcode } from './read-barcode.ts';

/** What the imported UDI data says about a DI: its records (normally one), each with the certificates it names. */
export interface DeviceDirectory {
  byDeviceIdentifier(di: string): readonly { certificates: readonly string[] }[];
}

/**
 * What to look up for what was typed or scanned into a certificate number field:
 * - `typed`: not a barcode; look `number` up as typed, exactly as before barcodes were read;
 * - `scanned`: a barcode whose DI the UDI data knows; look up the one certificate its record names;
 * - `rejected`: a barcode that cannot be read or resolved; `outcome` is how a batch reports it.
 */
export type CertificateInput =
  | { kind: 'typed'; number: string }
  | { kind: 'scanned'; number: string; barcode: BarcodeReading }
  | { kind: 'rejected'; outcome: 'invalid' | 'not_found' | 'multiple'; error: AppError; barcode: BarcodeReading | null };

export type CertificateInputReader = (raw: string) => CertificateInput;

/**
 * The one entry every certificate number field shares (auto-fill single and batch, and whatever
 * else takes a number from a person with a scanner): turns the raw input into the number to look
 * up, plus what the barcode said. The problems it rejects with carry `barcode` when one was read.
 */
export function certificateInputReader(deps: { devices: DeviceDirectory; currentYear: () => number }): CertificateInputReader {
  return (raw) => {
    const read = readBarcode(raw, deps.currentYear());
    if (read.kind === 'not_barcode') return { kind: 'typed', number: raw };
    if (read.kind === 'unreadable') return { kind: 'rejected', outcome: 'invalid', error: read.error, barcode: null };
    const barcode = read.reading;
    const records = deps.devices.byDeviceIdentifier(barcode.di);
    if (records.length === 0) return rejected('not_found', udiDeviceNotFound(barcode.di), barcode);
    const certificates = [...new Set(records.flatMap((r) => r.certificates))];
    const [number] = certificates;
    if (number === undefined) return rejected('not_found', udiDeviceWithoutCertificate(barcode.di), barcode);
    if (certificates.length > 1) return rejected('multiple', udiDeviceSeveralCertificates(barcode.di, certificates), barcode);
    return { kind: 'scanned', number, barcode };
  };
}

function rejected(outcome: 'not_found' | 'multiple', error: AppError, barcode: BarcodeReading): CertificateInput {
  return { kind: 'rejected', outcome, error: new AppError(error.status, error.code, error.text, { ...error.extra, barcode }), barcode };
}
