import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../../src/config/config.ts';
import { type Importer, type ImporterOptions, importerFor } from '../../src/imports/importer.ts';
import type { Services } from '../../src/services.ts';
import { createServices } from '../../src/services.ts';

/** A fixed clock, so "today" and "in the future" do not move under the tests. */
export const NOW = new Date('2025-06-01T04:00:00Z');

export interface Harness {
  services: Services;
  importer: Importer;
  dir: string;
  /** Writes a file into this test's temp dir and returns its path. */
  file(name: string, content: string | Buffer): string;
  versions(): VersionRow[];
  certificates(): { canonical: string; product_name: string | null; approval_date: string | null; expiry_date: string | null }[];
  close(): void;
}

export interface VersionRow {
  canonical: string;
  document_type: string;
  approval_date: string | null;
  effective_date: string | null;
  expiry_date: string | null;
  product_name: string | null;
  holder: string | null;
  source: string;
  source_ref: string | null;
  source_row: number | null;
  import_run_id: number | null;
}

export function harness(options: ImporterOptions & { databasePath?: string } = {}): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-ingest-test-'));
  const services = createServices(testConfig({ databasePath: options.databasePath ?? ':memory:' }), { now: () => NOW });
  const importer = importerFor(services, options);
  const sqlite = services.database.sqlite;
  return {
    services,
    importer,
    dir,
    file(name, content) {
      const target = path.join(dir, name);
      fs.writeFileSync(target, content);
      return target;
    },
    versions: () =>
      sqlite
        .prepare(
          `SELECT c.canonical, v.document_type, v.approval_date, v.effective_date, v.expiry_date, v.product_name, v.holder,
             v.source, v.source_ref, v.source_row, v.import_run_id
           FROM certificate_versions v JOIN certificates c ON c.id = v.certificate_id ORDER BY v.id`,
        )
        .all() as VersionRow[],
    certificates: () =>
      sqlite.prepare('SELECT canonical, product_name, approval_date, expiry_date FROM certificates ORDER BY canonical').all() as ReturnType<
        Harness['certificates']
      >,
    close() {
      services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CSV text from rows of cells, quoting where needed, CRLF as Excel writes. */
export function csv(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

export const HEADER = ['注册证编号', '产品名称', '注册人名称', '批准日期', '生效日期', '有效期至', '备注'];
export const HINT = [
  '必填，示例：粤械注准20172010123',
  '必填',
  '必填',
  '必填，格式：2023-05-01',
  '选填，格式：2023-05-01',
  '格式：2028-04-30',
  '选填',
];

/** Three documents of three certificates, all valid. */
export const ROWS = [
  ['粤械注准20172010123', '医用外科口罩', '广州某某医疗器械有限公司', '2022-05-01', '', '2027-04-30', ''],
  ['国械注进20162705149', '血管内导管', 'Foreign Devices GmbH', '2021/3/15', '2021/3/15', '2026/3/14', '进口'],
  ['粤穗械备20180539', '医用棉签', '广州某某卫材有限公司', '2018年6月1日', '', '', ''],
];

/** `count` distinct valid registrations, one row each. */
export function distinctRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    `粤械注准2020207${String(1000 + i).padStart(4, '0')}`,
    `产品${i}`,
    '某公司',
    '2020-05-01',
    '',
    '2025-04-30',
    '',
  ]);
}
