import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { HEADER, multipartUpload, storeKnownCertificates } from './template-fixtures.ts';

let t: TestContext;
beforeEach(async () => {
  t = await buildTestApp({ today: '2026-11-25' });
  storeKnownCertificates(t.services);
});
afterEach(() => t.close());

/** A template as Excel saves it: a title row above the header, a named sheet, a real date cell. */
async function template(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('产品信息');
  sheet.addRow(['广东省医疗器械产品信息批量填报模板']);
  sheet.addRow(HEADER);
  sheet.addRow([' 粤械注准 2023 2140001 ', '', '', null, null, null, '多余空格']);
  sheet.addRow([
    '粤械注准20232140001',
    '医用外科口罩',
    '广州甲医疗器械有限公司',
    new Date(Date.UTC(2023, 2, 10)),
    '2023-03-20',
    '2028-03-19',
    '',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('an XLSX template', () => {
  it('comes back as an XLSX of the same sheet and columns, changed cells filled and noted with what they held', async () => {
    const upload = multipartUpload(await template(), '模板.xlsx');
    // Asked for by the Accept header this time, as a download link would.
    const accept = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/prechecks',
      payload: upload.payload,
      headers: { ...upload.headers, accept },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(JSON.parse(String(response.headers['x-precheck-counts']))).toMatchObject({ total: 2, passed: 1, corrected: 1 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['产品信息']);
    const sheet = workbook.getWorksheet('产品信息')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('广东省医疗器械产品信息批量填报模板');
    expect(sheet.getRow(2).values).toEqual([undefined, ...HEADER, '核查结果', '说明']);

    const number = sheet.getRow(3).getCell(1);
    expect(number.value).toBe('粤械注准20232140001');
    expect(number.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
    expect(noteText(number.note)).toBe('原值： 粤械注准 2023 2140001 ');
    const approval = sheet.getRow(3).getCell(4);
    expect(approval.value).toBe('2023-03-10');
    expect(noteText(approval.note)).toBe('原值：（空）');
    expect(sheet.getRow(3).getCell(8).value).toBe('已更正');
    // An unchanged row: no fill, no note, its date cell still a date.
    expect(sheet.getRow(4).getCell(1).note).toBeUndefined();
    expect(sheet.getRow(4).getCell(4).value).toEqual(new Date(Date.UTC(2023, 2, 10)));
    expect(sheet.getRow(4).getCell(8).value).toBe('通过');
  });

  it('answers the same summary with the sheet name when JSON is asked for', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/prechecks', ...multipartUpload(await template(), '模板.xlsx') });
    expect(response.json()).toMatchObject({
      format: 'xlsx',
      encoding: null,
      sheetName: '产品信息',
      headerRow: 2,
      correctedFile: { fileName: '模板.checked.xlsx' },
    });
  });
});

function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (note === undefined || typeof note === 'string') return note;
  return note.texts?.map((part) => part.text).join('');
}
