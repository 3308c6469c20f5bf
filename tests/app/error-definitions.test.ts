import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/numbers/normalise.ts';
import { AppError } from '../../src/shared/app-error.ts';
import { hasChinese, strayLatin } from './chinese-text.ts';

const srcRoot = fileURLToPath(new URL('../../src/', import.meta.url));
const errorFiles = (fs.readdirSync(srcRoot, { recursive: true }) as string[]).filter((file) => file.endsWith('.errors.ts'));
const modules: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(errorFiles.map(async (file) => [`src/${file}`, await import(path.join(srcRoot, file))] as const)),
);

const parsed = (number: string) => {
  const found = normalise(number, { currentYear: 2026 }).numbers[0];
  if (!found) throw new Error(`test data: ${number} is not a valid number`);
  return found;
};
const gd = parsed('粤械注准20232070123');
const national = parsed('国械注准20233070456');
const wrong = normalise('粤械注准2023', { currentYear: 2026 }).error;
if (!wrong) throw new Error('test data: expected an invalid number');

/**
 * Sample arguments for every coded error. Data a person typed (names, numbers) is given in
 * Chinese, since it is not our text; codes, URLs and parser output are given in ASCII, because our
 * Chinese must quote them. A new error without an entry here fails the test.
 */
const samples: Record<string, unknown[][]> = {
  unauthorized: [['reader'], ['technician'], ['admin']],
  invalidApiKey: [[]],
  forbidden: [
    ['admin', 'reader'],
    ['technician', null],
  ],
  rateLimited: [[60, 12]],
  invalidCertificateNumber: [['粤械注准2023', wrong, []]],
  multipleNumbers: [
    [[gd, national], 'single'],
    [[gd, national], 'batch'],
  ],
  certificateNotFound: [
    [{ number: gd, probableMatch: null, replacedBy: [], extra: {} }],
    [{ number: national, probableMatch: null, replacedBy: [], extra: {} }],
  ],
  invalidCursor: [['abc']],
  unsupportedFormat: [['application/pdf']],
  legacyExcel: [[]],
  brokenXlsx: [['End of central directory not found']],
  malformedCsv: [['Unclosed quote at line 3']],
  unreadableFile: [['Invalid UTF-8 sequence']],
  emptyFile: [[]],
  missingColumns: [
    [[{ field: 'number', expected: ['注册证编号', '备案编号', 'number'] }], 1],
    [[{ field: 'number', expected: ['注册证编号', '备案编号'] }], null],
  ],
  importTooLarge: [[50 * 1024 * 1024]],
  importDecompressedTooLarge: [[512 * 1024 * 1024]],
  multipleFiles: [[]],
  databaseBusy: [[]],
  noFileUploaded: [[]],
  importRunNotFound: [[7]],
  importInterrupted: [
    [7, 120, { zh: '磁盘已满', en: 'disk full' }],
    [7, null, { zh: '磁盘已满', en: 'disk full' }],
  ],
  jobNotFound: [['nightly', ['udi-incremental', 'summary-refresh']]],
  apiKeyNotFound: [[3]],
  searchQueryEmpty: [['!!']],
  searchCursorInvalid: [['malformed'], ['other_query'], ['other_engine']],
  sourceTimeout: [['https://example.org/list', 10000, 3]],
  sourceNetworkError: [['https://example.org/list', 'ECONNREFUSED', 3]],
  sourceHttpError: [['https://example.org/list', 503, 3]],
  sourceTooLarge: [['https://example.org/list', 5 * 1048576]],
  sourceLayoutChanged: [['https://example.org/list', ['注册证编号', '产品名称']]],
  ticketNotFound: [[4]],
  subscriptionNotFound: [[4]],
  invalidSubscriptionPrefix: [['粤械注']],
  subscriptionCallbackRefused: [['callback_scheme_refused'], ['callback_address_refused']],
  ticketClosed: [
    [4, 'resolved', 'claim'],
    [4, 'rejected', 'resolve'],
    [4, 'resolved', 'release'],
    [4, 'rejected', 'reject'],
  ],
  ticketNotClaimed: [
    [4, 'resolve'],
    [4, 'reject'],
  ],
  ticketClaimedByOther: [[4, '技术员李四']],
  resolutionInvalid: [[[{ field: 'expiryDate', message: { zh: '有效期至不能早于批准日期', en: 'expiry before approval' } }]]],
  numberMismatch: [['粤械注准20232070124', '粤械注准20232070123']],
  evidenceRequired: [[4]],
  correctNumberInvalid: [['粤械注准2023', wrong.message]],
  attachmentTooLarge: [[10]],
  attachmentTypeNotAllowed: [[]],
  attachmentMissing: [[]],
  attachmentNotFound: [[4, 9]],
  notARequester: [[4]],
  udiCertificateNotFound: [['粤械注准20232070123']],
  udiDeviceNotFound: [['06901234567892']],
  barcodeCheckDigitMismatch: [['06901234567893', 2]],
  barcodeUnknownElement: [["invalid AI after '1'"]],
  barcodeTruncated: [['(10)'], [null]],
  barcodeInvalidDate: [
    ['(17)', '270230'],
    [null, null],
  ],
  barcodeWithoutDi: [[]],
  barcodeNotResolvable: [['AHM']],
  udiDeviceWithoutCertificate: [['06970999000555']],
  udiDeviceSeveralCertificates: [['06970999000555', ['粤械注准20232070123', '国械注准20233070456']]],

  notATemplate: [[20]],
  precheckTooLarge: [[20 * 1024 * 1024]],
  encryptedWorkbook: [[]],
  unknownEncoding: [['nul_bytes'], ['invalid_bytes']],
  bundleNotFound: [[null], ['20261204T185501123Z']],
  bundleChecksumMismatch: [['certref.sqlite', 'ab12', 'cd34']],
  bundleFormatUnsupported: [[2]],
  syncRemoteFailed: [
    ['https://certref.example.cn/v1/changes', 503, 'database_busy'],
    ['https://certref.example.cn/v1/changes', null, 'ECONNREFUSED'],
  ],
  syncTargetNotEmpty: [['/srv/certref/data/certref.db']],
  syncOtherRemote: [['/srv/certref/data/certref.db', 'https://a.example.cn', 'https://b.example.cn']],
};

const definitions = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === 'function')
    .map(([name, build]) => ({ file, name, build: build as (...args: unknown[]) => unknown })),
);

describe('every coded error', () => {
  it('finds the error definitions', () => {
    expect(definitions.length).toBeGreaterThan(40);
  });

  it.each(definitions)('$file $name: zh is Chinese (ASCII only in backquotes), en is English', ({ name, build }) => {
    const cases = samples[name];
    expect(cases, `add sample arguments for ${name}`).toBeDefined();
    for (const args of cases ?? []) {
      const error = build(...args);
      expect(error).toBeInstanceOf(AppError);
      const { zh, en } = (error as AppError).text;
      expect(hasChinese(zh), zh).toBe(true);
      expect(strayLatin(zh), zh).toEqual([]);
      expect(en).toMatch(/[A-Za-z]/);
    }
  });
});
