import iconv from 'iconv-lite';
import type { Services } from '../../src/services.ts';
import { storeDocuments } from '../helpers/test-app.ts';

/** The certificates the templates ask about; the tests run on 2026-11-25. */
export function storeKnownCertificates(services: Services): void {
  storeDocuments(services, [
    {
      number: '粤械注准20232140001',
      documentType: 'registration',
      approvalDate: '2023-03-10',
      effectiveDate: '2023-03-20',
      expiryDate: '2028-03-19',
      productName: '医用外科口罩',
      holder: '广州甲医疗器械有限公司',
    },
    {
      number: '粤械注准20212140002',
      documentType: 'registration',
      approvalDate: '2021-06-01',
      expiryDate: '2026-05-31',
      productName: '血压计',
      holder: '深圳乙科技有限公司',
    },
  ]);
}

export const HEADER = ['注册证编号', '产品名称', '注册人名称', '批准日期', '生效日期', '有效期至', '备注'];

/** What clerks send: every kind of mess the reporting system trips over, one per row (row numbers as Excel shows them). */
export const MESSY_ROWS: Record<number, string[]> = {
  2: ['必填，示例：粤械注准20232140001', '必填', '选填', '格式：2023-05-01', '格式：2023-05-01', '格式：2028-05-01', ''],
  3: [' 粤械注准 2023 2140001 ', '', '', '', '', '', '多余空格'],
  4: ['粤械注准２０２３２１４０００１', '医用外科口罩', '广州甲医疗器械有限公司', '2023/3/10', '2023-03-20', '2028-03-19', '全角数字'],
  5: ['粵械註准20212140002', '血压计', '深圳乙科技有限公司', '2021-06-01', '2021-06-01', '2026-05-31', '繁体字，已过期'],
  6: ['粤械注准20242140099', '新型敷料', '佛山丙公司', '2024-01-05', '2024-01-05', '2029-01-04', '库中没有'],
  7: ['粤械注准2023214001', '医用外科口罩', '', '', '', '', '少一位'],
  8: ['粤械注准20232140001', '医用外科口罩', '广州甲医疗器械有限公司', '2023-03-10', '2023-03-20', '2028-03-19', '正确'],
  9: ['粤械注准 20242140099', '', '', '', '', '', '同一缺失证号'],
  10: ['京械注准20232140001', '外省产品', '北京丁公司', '2023-01-01', '2023-01-01', '2028-01-01', '外省'],
  11: ['', '', '', '', '', '', ''],
};

export function messyCsvText(): string {
  const lines = [HEADER, ...Object.values(MESSY_ROWS)].map((cells) => cells.join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Saved as Excel in China saves "CSV (comma delimited)": GBK, no byte order mark. */
export function messyGbkCsv(): Buffer {
  return iconv.encode(messyCsvText(), 'gbk');
}

/** A raw-body upload of a file. */
export function rawUpload(body: Buffer, type = 'text/csv'): { payload: Buffer; headers: Record<string, string> } {
  return { payload: body, headers: { 'content-type': type } };
}

/** A multipart upload in field `file`, as the console and curl -F send it. */
export function multipartUpload(
  content: Buffer,
  fileName: string,
  type = 'application/octet-stream',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----certref-precheck-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
