import type { AppError } from '../../shared/app-error.ts';
import type { BarcodeIssuer, BarcodeReading } from './barcode.schemas.ts';

/** What the parser made of one input: not a barcode at all, a barcode read, or a barcode it cannot use. */
export type BarcodeRead =
  | { kind: 'not_barcode' }
  | { kind: 'barcode'; reading: BarcodeReading }
  | { kind: 'unreadable'; issuer: BarcodeIssuer; error: AppError };
