import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, HEADER, HINT, harness, ROWS } from './helpers.ts';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

async function xlsx(rows: readonly (readonly ExcelJS.CellValue[])[], dateFormat = 'yyyy-mm-dd'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('产品信息');
  for (const row of rows) sheet.addRow([...row]);
  for (const column of [4, 5, 6]) sheet.getColumn(column).numFmt = dateFormat;
  workbook.addWorksheet('填写说明').addRow(['注册证编号', '请填写…']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('XLSX import', () => {
  it('reads date cells, serial numbers, text dates and rich text, with Excel row numbers', async () => {
    const rows: ExcelJS.CellValue[][] = [
      HEADER,
      HINT,
      [
        '粤械注准20172010123',
        '医用外科口罩',
        '广州某某医疗器械有限公司',
        new Date(Date.UTC(2022, 4, 1)),
        null,
        new Date(Date.UTC(2027, 3, 30)),
        null,
      ],
      [
        '国械注进20162705149',
        { richText: [{ text: '血管内' }, { text: '导管' }] },
        'Foreign Devices GmbH',
        44270,
        44270,
        '2026年3月14日',
        '进口',
      ],
      ['粤穗械备20180539', '医用棉签', '广州某某卫材有限公司', '20180601', null, null, null],
    ];
    const report = await h.importer.importFile({ buffer: await xlsx(rows), fileName: 'template.xlsx' });
    expect(report).toMatchObject({
      format: 'xlsx',
      encoding: null,
      headerRow: 1,
      counts: { total: 3, versionsAdded: 3, rejected: 0, hintRowsSkipped: 1 },
    });
    expect(h.versions().map((v) => [v.canonical, v.product_name, v.approval_date, v.effective_date, v.expiry_date, v.source_row])).toEqual([
      ['粤械注准20172010123', '医用外科口罩', '2022-05-01', null, '2027-04-30', 3],
      ['国械注进20162705149', '血管内导管', '2021-03-15', '2021-03-15', '2026-03-14', 4],
      ['粤穗械备20180539', '医用棉签', '2018-06-01', null, null, 5],
    ]);
  });

  it('gives the same certificates as the CSV of the same table, hint row kept or not', async () => {
    await h.importer.importFile({ buffer: await xlsx([HEADER, HINT, ...ROWS]), fileName: 'kept.xlsx' });
    const other = harness();
    try {
      await other.importer.importFile({ buffer: await xlsx([HEADER, ...ROWS]), fileName: 'deleted.xlsx' });
      expect(other.certificates()).toEqual(h.certificates());
      expect(other.certificates()).toHaveLength(3);
    } finally {
      other.close();
    }
  });

  it('keeps Chinese text whole in a workbook large enough to be read in many chunks', async () => {
    // exceljs decodes each inflated chunk on its own and cuts characters at chunk ends (its issues
    // #2063, #2084): a few rows in a thousand came back with U+FFFD until the reader decoded across chunks.
    const names = Array.from({ length: 6000 }, (_, i) => `一次性使用无菌注射器（带针）规格${i}号医用高分子材料制品`);
    const rows = names.map((name, i) => [
      `粤械注准2020207${String((i % 9_999) + 1).padStart(4, '0')}`,
      name,
      `广州市医疗器械有限公司第${i}分公司`,
      '2022-05-01',
    ]);
    const report = await h.importer.importFile({ buffer: await xlsx([HEADER.slice(0, 4), ...rows]), fileName: 'large.xlsx' });
    expect(report.rejections).toEqual([]);
    const stored = h.versions();
    expect(
      stored.filter((v) => v.product_name?.includes('\ufffd') || v.holder?.includes('\ufffd') || v.canonical.includes('\ufffd')),
    ).toEqual([]);
    expect(stored.map((v) => v.product_name)).toEqual(names);
  });

  it('refuses a damaged workbook, a renamed file and a legacy .xls before writing anything', async () => {
    const good = await xlsx([HEADER, ...ROWS]);
    await expect(h.importer.importFile({ buffer: good.subarray(0, good.length - 200), fileName: 'cut.xlsx' })).rejects.toMatchObject({
      code: 'import_broken_xlsx',
      status: 400,
    });
    await expect(h.importer.importFile({ buffer: Buffer.from('注册证编号,产品名称'), fileName: 'fake.xlsx' })).rejects.toMatchObject({
      code: 'import_unsupported_format',
    });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(h.importer.importFile({ buffer: ole, fileName: 'old.xls' })).rejects.toMatchObject({ code: 'import_xls_not_supported' });
    expect(h.versions()).toEqual([]);
  });
});

describe('JSON Lines import', () => {
  it('maps English and Chinese keys, numbers lines, and rejects a broken line without stopping', async () => {
    const lines = [
      JSON.stringify({
        number: '粤械注准20172010123',
        product_name: '口罩',
        holder: '某公司',
        approval_date: '2022-05-01',
        expiry_date: '2027-04-30',
      }),
      '',
      '{"number": "国械注进20162705149", "product_name": ',
      JSON.stringify({ 注册证编号: '国械注进20162705149', 产品名称: '导管', 批准日期: 44270, documentType: 'registration' }),
      JSON.stringify({ number: '粤穗械备20180539', productName: '棉签', approvalDate: '2018.6.1', previous_numbers: null }),
    ];
    const report = await h.importer.importFile({ buffer: Buffer.from(`${lines.join('\n')}\n`), fileName: 'certs.jsonl' });
    expect(report).toMatchObject({ format: 'jsonl', headerRow: null, counts: { total: 4, versionsAdded: 3, rejected: 1 } });
    expect(report.rejections).toMatchObject([{ row: 3, column: null, reason: 'invalid_json' }]);
    expect(h.versions().map((v) => [v.canonical, v.approval_date, v.source_row])).toEqual([
      ['粤械注准20172010123', '2022-05-01', 1],
      ['国械注进20162705149', '2021-03-15', 4],
      ['粤穗械备20180539', '2018-06-01', 5],
    ]);
  });

  it('refuses a JSON Lines file whose objects lack a required key', async () => {
    await expect(
      h.importer.importFile({ buffer: Buffer.from('{"number":"粤械注准20172010123","product_name":"口罩"}\n'), fileName: 'x.ndjson' }),
    ).rejects.toMatchObject({ code: 'import_missing_columns' });
  });
});
