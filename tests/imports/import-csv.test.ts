import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/app-error.ts';
import { csv, type Harness, HEADER, HINT, harness, ROWS } from './helpers.ts';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

describe('CSV import', () => {
  it('stores each row as a version with its provenance and answers the counts', async () => {
    const report = await h.importer.importFile({ path: h.file('certs.csv', csv([HEADER, ...ROWS])), fileName: 'certs.csv' });
    expect(report).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      status: 'completed',
      headerRow: 1,
      counts: { total: 3, versionsAdded: 3, unchanged: 0, rejected: 0, certificatesCreated: 3, hintRowsSkipped: 0, warnings: 0 },
      rejections: [],
    });
    const versions = h.versions();
    expect(versions.map((v) => [v.canonical, v.document_type, v.approval_date, v.effective_date, v.expiry_date])).toEqual([
      ['粤械注准20172010123', 'registration', '2022-05-01', null, '2027-04-30'],
      ['国械注进20162705149', 'registration', '2021-03-15', '2021-03-15', '2026-03-14'],
      ['粤穗械备20180539', 'filing', '2018-06-01', null, null],
    ]);
    expect(versions[1]).toMatchObject({ source: 'import', source_ref: 'certs.csv', source_row: 3, import_run_id: report.importRunId });
  });

  it('reads a BOM, GBK as Excel in China saves it, and tab-separated text alike', async () => {
    const text = csv([HEADER, ...ROWS]);
    const withBom = await h.importer.importFile({ path: h.file('bom.csv', `\ufeff${text}`), fileName: 'bom.csv' });
    expect(withBom).toMatchObject({ encoding: 'utf-8', counts: { versionsAdded: 3, rejected: 0 } });

    const other = harness();
    try {
      const gbk = await other.importer.importFile({ path: other.file('gbk.csv', iconv.encode(text, 'gbk')), fileName: 'gbk.csv' });
      expect(gbk).toMatchObject({ encoding: 'gb18030', counts: { versionsAdded: 3, rejected: 0 } });
      expect(other.certificates()).toEqual(h.certificates());

      const tsv = [HEADER, ...ROWS].map((row) => row.join('\t')).join('\n');
      const tabbed = await other.importer.importFile({ buffer: Buffer.from(tsv), fileName: 'certs.txt' });
      expect(tabbed.counts).toMatchObject({ total: 3, versionsAdded: 0, unchanged: 3 });
    } finally {
      other.close();
    }
  });

  it('rejects a row whose number has letters for digits, with the engine’s reason, and stores nothing of it', async () => {
    const rows = [HEADER, ['粤械注准2O252140123', '医用外科口罩', '广州某某医疗器械有限公司', '2025-05-01', '', '2030-04-30', '']];
    const report = await h.importer.importFile({ path: h.file('letters.csv', csv(rows)), fileName: 'letters.csv' });
    expect(report.counts).toMatchObject({ total: 1, versionsAdded: 0, rejected: 1 });
    expect(report.rejections.map((r) => [r.row, r.reason, r.value])).toEqual([[2, 'number_letter_for_digit', '粤械注准2O252140123']]);
    expect(report.rejections[0]!.message.zh).toContain('字母');
    expect(h.versions()).toEqual([]);
  });

  it('gives the same certificates whether the template hint row is kept or deleted', async () => {
    const kept = await h.importer.importFile({ path: h.file('kept.csv', csv([HEADER, HINT, ...ROWS])), fileName: 'kept.csv' });
    expect(kept.counts).toMatchObject({ total: 3, versionsAdded: 3, rejected: 0, hintRowsSkipped: 1 });
    // Rows keep the numbers Excel shows: the hint is row 2, so data starts on row 3.
    expect(h.versions().map((v) => v.source_row)).toEqual([3, 4, 5]);

    const other = harness();
    try {
      const deleted = await other.importer.importFile({ path: other.file('deleted.csv', csv([HEADER, ...ROWS])), fileName: 'deleted.csv' });
      expect(deleted.counts).toMatchObject({ total: 3, versionsAdded: 3, rejected: 0, hintRowsSkipped: 0 });
      expect(other.certificates()).toEqual(h.certificates());
    } finally {
      other.close();
    }
  });

  it('finds the header under a title row, with full-width and starred headers', async () => {
    const header = ['＊注册证编号', '产品名称（必填）', '注册人名称', '批准日期(YYYY-MM-DD)', '序号'];
    const report = await h.importer.importFile({
      buffer: Buffer.from(csv([['广东省医疗器械产品信息导入模板'], header, ['粤械注准20172010123', '口罩', '某公司', '2022-05-01', '1']])),
      fileName: 'titled.csv',
    });
    expect(report).toMatchObject({ headerRow: 2, ignoredColumns: ['序号'], counts: { versionsAdded: 1 } });
  });

  it('lists every rejected row with its row number, column, code, message and value', async () => {
    const rows = [
      HEADER,
      ['粤械注准2017201012', '口罩', '某公司', '2022-05-01', '', '', ''], // one digit short
      ['粤械注准20172010123', '', '某公司', '2022-05-01', '', '', ''], // no product name
      ['粤械注准20172010123', '口罩', '某公司', '2023-02-30', '', '', ''], // impossible date
      ['粤械注准20172010123', '口罩', '某公司', '2022-05-01', '', '2021-05-01', ''], // expiry before approval
      ['苏械注准20162220838苏械注准20152021027', '口罩', '某公司', '2022-05-01', '', '', ''], // two numbers
      ['', '口罩', '某公司', '2022-05-01', '', '', ''], // no number
      ['粤械注准20172010123', '口罩', '某公司', '2026-01-01', '', '', ''], // approved in the future
      ...ROWS,
    ];
    const report = await h.importer.importFile({ path: h.file('bad.csv', csv(rows)), fileName: 'bad.csv' });
    expect(report.counts).toMatchObject({ total: 10, versionsAdded: 3, rejected: 7 });
    expect(report.rejections.map((r) => [r.row, r.column, r.reason, r.value])).toEqual([
      [2, '注册证编号', 'number_bad_digit_count', '粤械注准2017201012'],
      [3, '产品名称', 'missing_value', null],
      [4, '批准日期', 'invalid_date', '2023-02-30'],
      [5, '有效期至', 'expiry_before_approval', '2021-05-01'],
      [6, '注册证编号', 'several_numbers', '苏械注准20162220838苏械注准20152021027'],
      [7, '注册证编号', 'missing_value', null],
      [8, '批准日期', 'approval_in_future', '2026-01-01'],
    ]);
    for (const rejection of report.rejections) {
      expect(rejection.severity).toBe('rejected');
      expect(rejection.message.zh).not.toBe('');
      expect(rejection.message.en).not.toBe('');
    }
    const stored = h.importer.runs.issues(report.importRunId, { offset: 0, limit: 100 });
    expect(stored.total).toBe(7);
    expect(stored.items).toEqual(report.rejections);
  });

  it('drops an expiry from a filing with a warning and keeps the row', async () => {
    const report = await h.importer.importFile({
      buffer: Buffer.from(csv([HEADER, ['粤穗械备20180539', '医用棉签', '某公司', '2018-06-01', '', '2023-06-01', '']])),
      fileName: 'filing.csv',
    });
    expect(report.counts).toMatchObject({ versionsAdded: 1, rejected: 0, warnings: 1 });
    expect(report.warnings).toMatchObject([{ row: 2, column: '有效期至', reason: 'filing_expiry_dropped', severity: 'warning' }]);
    expect(h.versions()[0]?.expiry_date).toBeNull();
  });

  it('takes the document type from its column, or from the number', async () => {
    const header = ['注册证编号', '产品名称', '批准日期', '有效期至', '文件类型', '变更情况'];
    const report = await h.importer.importFile({
      buffer: Buffer.from(
        csv([
          header,
          ['粤械注准20172010123', '口罩', '2017-05-01', '2022-04-30', '注册证', ''],
          ['粤械注准20172010123', '口罩', '2022-03-01', '2027-04-30', '延续注册', ''],
          ['粤械注准20172010123', '医用口罩', '2023-08-01', '', '变更注册文件', '产品名称由口罩变更为医用口罩'],
          ['浙绍械备20150001号（更）', '棉签', '2019-01-01', '', '', ''],
          ['粤穗械备20180539', '棉签', '2018-06-01', '', '注册证', ''],
          ['粤穗械备20180539', '棉签', '2018-06-01', '', '许可证', ''],
        ]),
      ),
      fileName: 'types.csv',
    });
    expect(h.versions().map((v) => v.document_type)).toEqual(['registration', 'renewal', 'change', 'filing_change']);
    expect(report.rejections.map((r) => [r.row, r.reason])).toEqual([
      [6, 'document_type_mismatch'],
      [7, 'unknown_document_type'],
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const file = h.file('certs.csv', csv([HEADER, HINT, ...ROWS]));
    await h.importer.importFile({ path: file, fileName: 'certs.csv' });
    const before = h.versions().length;
    const again = await h.importer.importFile({ path: file, fileName: 'certs.csv' });
    expect(again.counts).toMatchObject({ total: 3, versionsAdded: 0, unchanged: 3, certificatesCreated: 0, hintRowsSkipped: 1 });
    expect(h.versions()).toHaveLength(before);
    expect(h.importer.runs.get(again.importRunId)).toMatchObject({ status: 'completed', counts: { versionsAdded: 0, unchanged: 3 } });
  });

  it('refuses a file without a required column before writing anything', async () => {
    const error = await h.importer
      .importFile({
        buffer: Buffer.from(
          csv([
            ['注册证编号', '产品名称'],
            ['粤械注准20172010123', '口罩'],
          ]),
        ),
        fileName: 'short.csv',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'import_missing_columns', status: 400, extra: { headerRow: 1 } });
    expect((error as AppError).extra.missing).toMatchObject([{ field: 'approvalDate' }]);
    expect(h.versions()).toEqual([]);
    expect(h.services.database.sqlite.prepare('SELECT count(*) AS n FROM import_runs').get()).toEqual({ n: 0 });
  });

  it.each([
    ['an empty file', '', 'import_empty_file'],
    ['no header at all', 'a,b,c\r\n1,2,3\r\n', 'import_missing_columns'],
    ['an unclosed quote', `${csv([HEADER])}"粤械注准20172010123,口罩\r\n`, 'import_malformed_csv'],
    ['a PDF', '%PDF-1.7 …', 'import_unsupported_format'],
    ['a JSON array', '[{"number": "粤械注准20172010123"}]', 'import_unsupported_format', 'x.json'],
  ])('refuses %s with a coded error', async (_name, content, code, fileName = 'x.csv') => {
    await expect(h.importer.importFile({ buffer: Buffer.from(content), fileName })).rejects.toMatchObject({ code });
  });
});
