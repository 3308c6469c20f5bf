/**
 * Template pre-check throughput and memory: builds a messy batch template of --rows rows (stray
 * spaces, full-width digits, traditional characters, hint row, blank rows, a few numbers certref
 * lacks) as a GBK CSV and as an XLSX, against a database of --certificates demo certificates made in
 * a temp folder, runs the pre-check on each, and prints rows/s and the peak RSS seen during the run.
 * Everything it makes is removed at the end.
 *
 *   npm run bench:precheck -- [--rows 100000] [--certificates 20000]
 *
 * Target: 100,000 rows in at most 10 s and 300 MB on a 2-core machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { loadDemoData } from '../seed/load-demo-data.ts';
import { testConfig } from '../src/config/config.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, certificates: { type: 'string', default: '20000' } },
});
const rows = Number(values.rows);
const certificates = Number(values.certificates);
const HEADER = ['注册证编号', '产品名称', '注册人名称', '批准日期', '生效日期', '有效期至', '备注'];
const TRADITIONAL: Record<string, string> = { 粤: '粵', 械: '械', 注: '註', 备: '備' };

/** The ways clerks type a number, one per row in turn. */
function messy(canonical: string, index: number): string {
  switch (index % 5) {
    case 0:
      return canonical;
    case 1:
      return ` ${canonical.slice(0, 4)} ${canonical.slice(4)} `;
    case 2:
      return canonical.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 3:
      return canonical.replace(/[粤械注备]/g, (c) => TRADITIONAL[c] ?? c);
    default:
      return `${canonical}\u3000`;
  }
}

function* templateRows(numbers: readonly string[]): Generator<string[]> {
  yield ['必填，示例：粤械注准20232140001', '必填', '选填', '格式：2023-05-01', '格式：2023-05-01', '格式：2028-05-01', ''];
  for (let i = 0; i < rows; i++) {
    if (i % 1000 === 999) {
      yield ['', '', '', '', '', '', ''];
      continue;
    }
    // One row in 500 asks for one of 20 numbers certref does not hold: tickets, but not thousands.
    const number = i % 500 === 7 ? `粤械注准2025214${String(9000 + (i % 20)).padStart(4, '0')}` : messy(numbers[i % numbers.length]!, i);
    yield [number, i % 3 === 0 ? '' : '产品', '', i % 2 === 0 ? '' : '2023-01-01', '', '', `第 ${i + 2} 行`];
  }
}

async function writeCsv(file: string, numbers: readonly string[]): Promise<void> {
  const out = fs.createWriteStream(file);
  let text = `${HEADER.join(',')}\r\n`;
  for (const cells of templateRows(numbers)) {
    text += `${cells.join(',')}\r\n`;
    if (text.length > 256 * 1024) {
      out.write(iconv.encode(text, 'gbk'));
      text = '';
    }
  }
  out.end(iconv.encode(text, 'gbk'));
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

async function writeXlsx(file: string, numbers: readonly string[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('产品信息');
  sheet.addRow(HEADER).commit();
  for (const cells of templateRows(numbers)) sheet.addRow(cells).commit();
  sheet.commit();
  await workbook.commit();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-bench-precheck-'));
try {
  console.log(`准备 ${certificates} 张演示证书 / generating ${certificates} demo certificates…`);
  const services = createServices(testConfig({ databasePath: path.join(dir, 'bench.db') }));
  await loadDemoData(services.writer, { count: certificates, today: services.today() });
  const numbers = (
    services.database.sqlite.prepare('SELECT canonical FROM certificates ORDER BY id LIMIT 20000').all() as { canonical: string }[]
  ).map((row) => row.canonical);
  const csv = path.join(dir, 'template.csv');
  const xlsx = path.join(dir, 'template.xlsx');
  await writeCsv(csv, numbers);
  await writeXlsx(xlsx, numbers);

  for (const file of [csv, xlsx]) {
    const size = fs.statSync(file).size;
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    const summary = await services.prechecks.run({
      input: { path: file },
      fileName: path.basename(file),
      requester: { organisation: 'bench', opener: { actor: 'bench', role: 'admin' } },
      outputPath: path.join(dir, `corrected-${path.basename(file)}`),
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(
      `${path.extname(file).slice(1).toUpperCase()}（${(size / 1024 / 1024).toFixed(1)} MB）：${summary.counts.total} 行 rows in ${seconds.toFixed(2)} s = ` +
        `${Math.round(summary.counts.total / seconds)} 行/秒 rows/s, 峰值内存 peak RSS ${Math.round(peak / 1024 / 1024)} MB; ${JSON.stringify(summary.counts)}`,
    );
  }
  services.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
