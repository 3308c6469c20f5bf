import { z } from 'zod';

/** China's UDI issuing agencies (发码机构): GS1 China, ZIIOT's MA code (IDcode), and AliHealth's AHM. */
export const BARCODE_ISSUERS = ['GS1', 'MA', 'AHM'] as const;

const Day = z.string().describe('日期，YYYY-MM-DD。 Calendar date, YYYY-MM-DD.');

/** What a scanned UDI said: the device identifier that found the certificate, and the production identifiers. */
export const barcodeReadingSchema = z
  .object({
    issuer: z.enum(BARCODE_ISSUERS).describe('发码机构：GS1、MA（IDcode）或 AHM。 The issuing agency whose code was read.'),
    di: z
      .string()
      .describe(
        '产品标识（GS1 为应用标识符 01 的 14 位 GTIN，校验位已核对）。 The device identifier: for GS1 the GTIN-14 of AI 01, check digit verified.',
      ),
    lot: z.string().optional().describe('生产批号（GS1 应用标识符 10）。 Lot or batch (GS1 AI 10).'),
    expiry: Day.optional().describe(
      '失效日期（GS1 应用标识符 17；日为 00 表示当月最后一天）。 Expiry (GS1 AI 17; day 00 is the end of the month).',
    ),
    productionDate: Day.optional().describe('生产日期（GS1 应用标识符 11）。 Production date (GS1 AI 11).'),
    serial: z.string().optional().describe('序列号（GS1 应用标识符 21）。 Serial number (GS1 AI 21).'),
  })
  .meta({ id: 'BarcodeReading' });

export type BarcodeReading = z.output<typeof barcodeReadingSchema>;
export type BarcodeIssuer = BarcodeReading['issuer'];
