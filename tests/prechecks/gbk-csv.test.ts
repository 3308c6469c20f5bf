import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/imports/readers/csv-parser.ts';
import { tempRoot } from '../../src/shared/temp-files.ts';
import { buildTestApp, type TestContext } from '../helpers/test-app.ts';
import { messyGbkCsv, multipartUpload, storeKnownCertificates } from './template-fixtures.ts';

let t: TestContext;
beforeEach(async () => {
  t = await buildTestApp({ today: '2026-11-25' });
  storeKnownCertificates(t.services);
});
afterEach(() => t.close());

const count = (table: string) => (t.services.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const parser = new CsvParser(',');
  parser.push(text, records);
  parser.end(records);
  return records;
}

describe('a messy GBK CSV template', () => {
  it('comes back as a GBK CSV with every row judged, numbers canonical and blanks filled', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/prechecks?respond=file',
      ...multipartUpload(messyGbkCsv(), '产品信息.csv'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=gb18030');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('产品信息.checked.csv'));
    const bytes = response.rawPayload;
    // GBK, as it came: not UTF-8, and no byte order mark was added.
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.includes(Buffer.from('核查结果', 'utf8'))).toBe(false);
    const rows = parseCsv(iconv.decode(bytes, 'gbk'));
    expect(rows[0]).toEqual(['注册证编号', '产品名称', '注册人名称', '批准日期', '生效日期', '有效期至', '备注', '核查结果', '说明']);
    const byRow = (n: number) => rows[n - 1]!;
    // The hint row is left as it was, with no verdict.
    expect(byRow(2).slice(0, 2)).toEqual(['必填，示例：粤械注准20232140001', '必填']);
    expect(byRow(2)[7] ?? '').toBe('');
    // Stray spaces: number canonical, name, holder and the form's dates filled from the store.
    expect(byRow(3)).toEqual([
      '粤械注准20232140001',
      '医用外科口罩',
      '广州甲医疗器械有限公司',
      '2023-03-10',
      '2023-03-20',
      '2028-03-19',
      '多余空格',
      '已更正',
      expect.stringContaining('证号改为规范写法'),
    ]);
    expect(byRow(4).slice(0, 1)).toEqual(['粤械注准20232140001']);
    expect(byRow(4)[7]).toBe('已更正');
    // Traditional characters read, but the certificate expired on 2026-05-31.
    expect(byRow(5)[0]).toBe('粤械注准20212140002');
    expect(byRow(5)[7]).toBe('不可填报');
    expect(byRow(5)[8]).toContain('已于 2026-05-31 过期');
    expect(byRow(6)[7]).toBe('未收录');
    expect(byRow(6)[8]).toMatch(/已新建补录工单 [0-9a-f]{32}/);
    expect(byRow(7)[7]).toBe('不可填报');
    expect(byRow(7)[8]).toContain('证号无法识别');
    expect(byRow(8)[7]).toBe('通过');
    expect(byRow(8)[8]).toBe('');
    expect(byRow(9)[0]).toBe('粤械注准20242140099');
    expect(byRow(9)[8]).toMatch(/已新建补录工单/);
    expect(byRow(10)[7]).toBe('未收录');
    expect(byRow(10)[8]).toContain('自行填报');
    const counts = JSON.parse(String(response.headers['x-precheck-counts']));
    expect(counts).toEqual({ total: 8, passed: 1, corrected: 2, notReportable: 2, notListed: 3, hintRows: 1, blankRows: 1 });
  });

  it('answers a JSON summary that says, per Excel row, what changed and why', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/prechecks', ...multipartUpload(messyGbkCsv(), '产品信息.csv') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ format: 'csv', encoding: 'gb18030', headerRow: 1, asOf: '2026-11-25', rowsTruncated: false });
    expect(body.counts).toMatchObject({ passed: 1, corrected: 2, notReportable: 2, notListed: 3 });
    const row3 = body.rows.find((r: { row: number }) => r.row === 3);
    expect(row3.status).toBe('corrected');
    expect(row3.changes).toContainEqual({
      column: '注册证编号',
      field: 'number',
      before: '粤械注准 2023 2140001',
      after: '粤械注准20232140001',
      reason: 'canonical_number',
    });
    expect(row3.changes).toContainEqual({
      column: '批准日期',
      field: 'approvalDate',
      before: '',
      after: '2023-03-10',
      reason: 'filled_from_store',
    });
    const row7 = body.rows.find((r: { row: number }) => r.row === 7);
    expect(row7).toMatchObject({ status: 'not_reportable', number: null, suggestions: ['粤械注准20232140001'] });
    // Passed rows are in the counts and the file, not in the list.
    expect(body.rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5, 6, 7, 9, 10]);
  });

  it('opens one ticket per missing 粤 number, linked to the pre-check, and writes no certificate', async () => {
    const certificatesBefore = count('certificates');
    const versionsBefore = count('certificate_versions');
    const response = await t.app.inject({ method: 'POST', url: '/v1/prechecks', ...multipartUpload(messyGbkCsv(), '产品信息.csv') });
    const body = response.json();
    expect(count('tickets')).toBe(1);
    expect(body.tickets).toEqual([
      {
        ref: expect.stringMatching(/^[0-9a-f]{32}$/),
        href: `/v1/tickets/${body.tickets[0].ref}`,
        number: '粤械注准20242140099',
        opened: true,
        row: 6,
      },
    ]);
    const rows = body.rows.filter((r: { ticket: unknown }) => r.ticket !== null);
    expect(rows.map((r: { row: number }) => r.row)).toEqual([6, 9]);
    const links = t.services.database.sqlite
      .prepare(
        'SELECT p.ref AS precheck, t.ref AS ticket, l.row, l.opened FROM precheck_tickets l JOIN prechecks p ON p.id = l.precheck_id JOIN tickets t ON t.id = l.ticket_id',
      )
      .all();
    expect(links).toEqual([{ precheck: body.id, ticket: body.tickets[0].ref, row: 6, opened: 1 }]);
    // The ticket is readable where the summary points, as a lookup's 404 would say.
    const ticket = await t.app.inject({ method: 'GET', url: body.tickets[0].href });
    expect(ticket.statusCode).toBe(200);
    expect(count('certificates')).toBe(certificatesBefore);
    expect(count('certificate_versions')).toBe(versionsBefore);
    expect(fs.readdirSync(tempRoot())).toEqual([]);
  });

  it('says so on the row, and opens nothing, once the caller’s ticket quota is spent', async () => {
    await t.close();
    t = await buildTestApp({ today: '2026-11-25', config: { ticketQuota: { anonymousPerHour: 0, readerPerHour: 0 } } });
    storeKnownCertificates(t.services);
    const response = await t.app.inject({ method: 'POST', url: '/v1/prechecks', ...multipartUpload(messyGbkCsv(), '产品信息.csv') });
    const row6 = response.json().rows.find((r: { row: number }) => r.row === 6);
    expect(row6).toMatchObject({ status: 'not_listed', ticket: null, ticketRefused: true });
    expect(row6.notes.join('')).toContain('已达上限');
    expect(count('tickets')).toBe(0);
    expect(response.json().tickets).toEqual([]);
  });
});
