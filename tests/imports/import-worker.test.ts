import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFileRequest } from '../../src/imports/importer.ts';
import { AppError } from '../../src/shared/app-error.ts';
import { csv, distinctRows, type Harness, HEADER, harness } from './helpers.ts';

// The reader worker must be invisible: the same report, the same stored rows and the same errors as
// reading in the importing thread. Small batches, so that back-pressure and many batches are exercised.

const LONG_SCOPE = `用于临床手术中对患者进行常规防护，${'适用于普通外科、骨科、心胸外科等各类手术环境；'.repeat(4)}`;
const TABLE_HEADER = [
  '注册证编号',
  '产品名称',
  '注册人名称',
  '批准日期',
  '生效日期',
  '有效期至',
  '文件类型',
  '原注册证编号',
  '适用范围',
  '备注',
];
/** Every kind of row: families, legacy numbers, full-width digits, previous numbers, warnings, rejections, hint and blank rows. */
const TABLE = [
  TABLE_HEADER,
  ['必填，示例：粤械注准20172010123', '必填', '必填', '必填，格式：2023-05-01', '选填', '格式：2028-04-30', '选填', '选填', '选填', '选填'],
  ['粤械注准20172010123', '医用外科口罩', '广州某某医疗器械有限公司', '2022-05-01', '', '2027-04-30', '注册证', '', LONG_SCOPE, ''],
  [
    '粤械注准２０１７２０１０１２３',
    '医用外科口罩',
    '广州某某医疗器械有限公司',
    '2023-06-01',
    '2023-06-01',
    '2027-04-30',
    '变更注册文件',
    '',
    '',
    '变更',
  ],
  [
    '国械注进20162705149',
    '血管内导管',
    'Foreign Devices GmbH',
    '2021/3/15',
    '2021/3/15',
    '2026/3/14',
    '',
    '',
    `${LONG_SCOPE}（进口）`,
    '进口',
  ],
  [
    '国械注准20193460441',
    '骨科植入物',
    '某某骨科有限公司',
    '2019-01-01',
    '',
    '2024-01-01',
    '延续注册',
    '国食药监械(准)字2008第3450116号',
    '',
    '',
  ],
  ['国食药监械(准)字2008第3450116号', '骨科植入物', '某某骨科有限公司', '2008-03-01', '', '2012-02-28', '', '', '', ''],
  ['粤穗械备20180539', '医用棉签', '广州某某卫材有限公司', '2018年6月1日', '', '2023-01-01', '', '', '', ''],
  ['粤械注准20182010456', '口罩', '某公司', '2018-01-01', '', '2023-01-01', '', '乱写的号', '', ''],
  ['', '', '', '', '', '', '', '', '', ''],
  ['粤械注准2017201012', '口罩', '某公司', '2022-05-01', '', '', '', '', '', ''],
  ['粤械注准20172010123', '', '某公司', '2023-02-30', '', '', '', '', '', ''],
  ['国械注进20162705149', '血管内导管', 'Foreign Devices GmbH', '2022/3/15', '', '2026/3/14', '变更注册文件', '', '', ''],
];
const BATCH_SIZE = 2;

let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.close();
  open = [];
});

function harnessFor(readInWorker: boolean): Harness {
  const h = harness({ batchSize: BATCH_SIZE, readInWorker });
  open.push(h);
  return h;
}

/**
 * Every table of the database, row by row: what an import leaves behind, whichever tables the
 * writer keeps. Timestamps (`…_at`) are left out: some are the wall clock's, not the test's.
 */
function dump(h: Harness): Record<string, unknown[]> {
  const sqlite = h.services.database.sqlite;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const untimed = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([column]) => !column.endsWith('_at')));
  return Object.fromEntries(
    tables.map((table) => [table, (sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map(untimed)]),
  );
}

type Outcome = { report: unknown; error: unknown; dump: Record<string, unknown[]> };

async function importWith(readInWorker: boolean, request: (h: Harness) => ImportFileRequest): Promise<Outcome> {
  const h = harnessFor(readInWorker);
  let report: unknown = null;
  let error: unknown = null;
  try {
    report = await h.importer.importFile(request(h));
  } catch (caught) {
    error = caught;
  }
  return { report, error, dump: dump(h) };
}

/** Imports the same file with and without the worker; both must come out the same. */
async function importBothWays(request: (h: Harness) => ImportFileRequest): Promise<Outcome> {
  const inThread = await importWith(false, request);
  const inWorker = await importWith(true, request);
  expect(inWorker.report).toEqual(inThread.report);
  expect(inWorker.dump).toEqual(inThread.dump);
  if (inThread.error instanceof AppError) {
    expect(inWorker.error).toBeInstanceOf(AppError);
    expect(appErrorParts(inWorker.error)).toEqual(appErrorParts(inThread.error));
  } else {
    expect(inWorker.error).toEqual(inThread.error);
  }
  return inWorker;
}

function appErrorParts(error: unknown) {
  const { status, code, text, extra, message } = error as AppError;
  return { status, code, text, extra, message };
}

async function xlsx(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('产品信息');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A worker thread is a thread of this process; Linux lists them. */
function threadCount(): number {
  return fs.readdirSync('/proc/self/task').length;
}

describe('reading in a worker thread', () => {
  it('gives the same report and stored rows as reading in the importing thread: UTF-8 CSV', async () => {
    const { report } = await importBothWays((h) => ({ path: h.file('certs.csv', csv(TABLE)), fileName: 'certs.csv' }));
    expect(report).toMatchObject({
      counts: { total: 10, versionsAdded: 8, rejected: 2, hintRowsSkipped: 1, warnings: 2 },
      rejections: [
        { row: 11, reason: 'number_bad_digit_count' },
        { row: 12, reason: 'missing_value' },
        { row: 12, reason: 'invalid_date' },
      ],
      warnings: [
        { row: 8, reason: 'filing_expiry_dropped' },
        { row: 9, reason: 'previous_number_dropped' },
      ],
    });
  });

  it('gives the same for GBK CSV, XLSX and JSON Lines', async () => {
    const gbk = await importBothWays((h) => ({ path: h.file('gbk.csv', iconv.encode(csv(TABLE), 'gbk')), fileName: 'gbk.csv' }));
    expect(gbk.report).toMatchObject({ encoding: 'gb18030', counts: { total: 10, versionsAdded: 8 } });

    const cells: ExcelJS.CellValue[][] = TABLE.map((row) => [...row]);
    cells[2]![3] = new Date(Date.UTC(2022, 4, 1));
    cells[4]![3] = 44270;
    const workbook = await xlsx(cells);
    const fromXlsx = await importBothWays(() => ({ buffer: workbook, fileName: 'certs.xlsx' }));
    expect(fromXlsx.report).toMatchObject({ format: 'xlsx', counts: { total: 10, versionsAdded: 8 } });

    const lines = TABLE.slice(2).map((row) => JSON.stringify(Object.fromEntries(TABLE_HEADER.map((key, i) => [key, row[i]]))));
    lines.splice(3, 0, '{"注册证编号": "国械注进20162705149", "产品名称": ');
    const fromJsonl = await importBothWays(() => ({ buffer: Buffer.from(`${lines.join('\n')}\n`), fileName: 'certs.jsonl' }));
    expect(fromJsonl.report).toMatchObject({ format: 'jsonl', counts: { total: 11, rejected: 3 } });
  });

  it('refuses a file before any run exists with the same coded error, whichever thread reads its header', async () => {
    const missing = await importBothWays((h) => ({
      path: h.file(
        'short.csv',
        csv([
          ['注册证编号', '产品名称'],
          ['粤械注准20172010123', '口罩'],
        ]),
      ),
      fileName: 'short.csv',
    }));
    expect(missing.error).toMatchObject({ status: 400, code: 'import_missing_columns', extra: { headerRow: 1 } });
    expect(missing.dump.import_runs).toEqual([]);

    const notAWorkbook = await xlsx([['注册证编号']]);
    // A zip that is no workbook: refused by the archive check, which runs where the file is opened.
    const broken = notAWorkbook.subarray(0, notAWorkbook.length - 40);
    const refused = await importBothWays(() => ({ buffer: broken, fileName: 'broken.xlsx' }));
    expect(refused.error).toMatchObject({ status: 400, code: 'import_broken_xlsx' });
    expect(refused.dump.import_runs).toEqual([]);
  });

  it('stops with import_interrupted when the file breaks midway, keeping the batches committed before', async () => {
    // A record longer than the CSV reader accepts, after five good rows: two whole batches, and row 6 pending.
    const good = TABLE.slice(2, 9)
      .filter((row) => row[1] !== '' && row[0] !== '粤械注准20182010456')
      .slice(0, 5);
    const content = `${csv([TABLE_HEADER, ...good])}${'x'.repeat(12_000_000)}\r\n${csv(good)}`;
    const { error, dump: stored } = await importBothWays((h) => ({ path: h.file('broken.csv', content), fileName: 'broken.csv' }));
    expect(error).toMatchObject({ status: 422, code: 'import_interrupted', extra: { importRunId: 1, row: 6 } });
    expect((error as AppError).text.en).toContain('near row 6');
    expect(stored.certificate_versions).toHaveLength(4);
    expect(stored.import_runs).toMatchObject([{ status: 'failed', total_rows: 4, error_code: 'import_malformed_csv' }]);
  });

  it.runIf(fs.existsSync('/proc/self/task'))(
    'ends the worker when the caller stops the import early, leaving no thread behind',
    async () => {
      const warm = harnessFor(false);
      // The first import starts libuv's thread pool; threads counted after it are the worker's alone.
      await warm.importer.importFile({
        buffer: Buffer.from(csv([HEADER, ...TABLE.slice(2, 4).map((row) => row.slice(0, 7))])),
        fileName: 'warm.csv',
      });
      const before = threadCount();

      const h = harnessFor(true);
      const rows = distinctRows(3000);
      const file = h.file('many.csv', csv([HEADER, ...rows]));
      let batches = 0;
      let threadsDuringImport = 0;
      const started = performance.now();
      await expect(
        h.importer.importFile({
          path: file,
          fileName: 'many.csv',
          onProgress: () => {
            batches++;
            threadsDuringImport = threadCount();
            throw new Error('stop after the first batch');
          },
        }),
      ).rejects.toThrow('stop after the first batch');
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(batches).toBe(1);
      expect(threadsDuringImport).toBeGreaterThan(before);
      expect(threadCount()).toBe(before);
      expect(h.versions()).toHaveLength(BATCH_SIZE);
      expect(h.importer.runs.get(1)).toMatchObject({ status: 'failed', counts: { total: BATCH_SIZE } });
    },
  );
});
