// Import benchmark: generates a realistic 1,000,000-row CSV into bench-data/ (once), imports it into
// a fresh file database with the production importer, and prints rows/s. Target: ≤ 30 s.
//   npm run bench:import [-- --rows 200000] [-- --regenerate] [-- --batch 20000] [-- --writer full|bare|none]
// --writer tells the costs apart: full is the composition root's writer with its hooks (audit log,
// search index), bare the writer alone, none reads and validates without storing anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CertificateWriter, type WriteSummary } from '../src/certificates/certificate-writer.ts';
import { createServices } from '../src/composition.ts';
import { testConfig } from '../src/config/config.ts';
import { BULK_BATCH_SIZE, Importer } from '../src/ingest/importer.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    regenerate: { type: 'boolean', default: false },
    batch: { type: 'string', default: String(BULK_BATCH_SIZE) },
    writer: { type: 'string', default: 'full' },
  },
});
const rowCount = Number(values.rows);
const dir = path.resolve('bench-data');
const file = path.join(dir, `certificates-${rowCount}.csv`);
const databasePath = path.join(dir, 'bench-import.db');

/** Deterministic, so every run imports the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(20240501);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const PROVINCES = ['粤', '苏', '浙', '湘', '京', '沪', '鲁', '川', '鄂', '豫', '闽', '皖'];
const GD_CITIES = ['粤穗', '粤深', '粤珠', '粤佛', '粤莞', '粤中', '粤惠'];
const CODES_2002 = ['01', '10', '15', '16', '20', '21', '22', '23', '26', '27', '40', '41', '45', '46', '54', '56', '58', '64', '66', '70'];
const CODES_2017 = Array.from({ length: 22 }, (_, i) => pad(i + 1, 2));
const PRODUCTS = ['一次性使用无菌注射器', '医用外科口罩', '医用防护服', '血糖试纸', '电子血压计', '医用棉签', '超声诊断仪', '骨科内固定钢板', '输液器', '导尿管', '新型冠状病毒抗原检测试剂盒', '医用敷料', '牙科种植体', '心电监护仪'];
const CITIES = ['广州', '深圳', '苏州', '杭州', '长沙', '北京', '上海', '青岛', '成都', '武汉'];
const HEADER = ['注册证编号', '产品名称', '注册人名称', '注册人住所', '生产地址', '型号规格', '结构及组成', '适用范围', '审批部门', '批准日期', '生效日期', '有效期至', '文件类型', '变更情况', '备注'];
const HINT = ['必填，示例：粤械注准20172010123', '必填', '必填', '选填', '选填', '选填', '选填', '选填', '选填', '必填，格式：2023-05-01', '选填，格式：2023-05-01', '格式：2028-04-30', '注册证/延续注册/变更注册文件/备案凭证/变更备案', '选填', '选填'];

interface Certificate {
  number: string;
  filing: boolean;
  year: number;
  legacy: boolean;
}

const seen = new Set<string>();
function nextCertificate(): Certificate {
  for (;;) {
    const kind = rnd();
    let c: Certificate;
    if (kind < 0.4) {
      const year = int(2014, 2024);
      c = { number: `${pick(PROVINCES)}械注准${year}2${pick(year < 2018 ? CODES_2002 : CODES_2017)}${pad(int(0, 9999), 4)}`, filing: false, year, legacy: false };
    } else if (kind < 0.6) {
      const year = int(2014, 2024);
      c = { number: `国械注准${year}3${pick(year < 2018 ? CODES_2002 : CODES_2017)}${pad(int(0, 9999), 4)}`, filing: false, year, legacy: false };
    } else if (kind < 0.7) {
      const year = int(2014, 2024);
      c = { number: `国械注进${year}${int(2, 3)}${pick(year < 2018 ? CODES_2002 : CODES_2017)}${pad(int(0, 9999), 4)}`, filing: false, year, legacy: false };
    } else if (kind < 0.93) {
      const year = int(2014, 2024);
      c = { number: `${pick(GD_CITIES)}械备${year}${pad(int(0, 9999), 4)}${year <= 2021 ? '号' : ''}`, filing: true, year, legacy: false };
    } else {
      const year = int(2005, 2013);
      c = { number: `粤食药监械(准)字${year}第2${pick(CODES_2002)}${pad(int(0, 9999), 4)}号`, filing: false, year, legacy: true };
    }
    if (!seen.has(c.number)) {
      seen.add(c.number);
      return c;
    }
  }
}

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
}

function addYears(date: string, years: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The documents of one certificate: first registration or filing, renewals, changes. */
function documents(c: Certificate): string[][] {
  const product = pick(PRODUCTS);
  const city = pick(CITIES);
  const holder = `${city}${pick(['康', '华', '瑞', '安', '德', '美'])}${pick(['医疗器械', '生物科技', '医学科技'])}有限公司${int(1, 999)}`;
  const address = `${city}市${pick(['高新区', '经济开发区', '工业园'])}${int(1, 300)}号`;
  const base = [holder, address, address, `${pick(['A', 'B', 'C'])}-${int(1, 99)}型`, `产品由${pick(['主机', '外壳', '导管', '试剂'])}、${pick(['电源适配器', '连接线', '包装袋'])}组成。`, `用于${pick(['临床', '家庭', '医疗机构'])}${pick(['检测', '治疗', '护理'])}。`];
  const department = c.number.startsWith('国') ? '国家药品监督管理局' : `${city}市市场监督管理局`;
  const approval = isoDate(c.year, int(1, 360));
  const rows: string[][] = [];
  const row = (name: string, approved: string, effective: string, expiry: string, type: string, change = '') =>
    rows.push([c.number, name, ...base, department, approved, effective, expiry, type, change, '']);
  if (c.filing) {
    row(product, approval, '', '', '备案凭证');
    if (rnd() < 0.4) row(product, addYears(approval, 1, int(0, 200)), '', '', '变更备案', '型号规格变更');
    return rows;
  }
  row(product, approval, '', addYears(approval, 5, -1), '注册证');
  if (c.legacy) return rows;
  const renewed = addYears(approval, 5, -int(30, 120));
  if (renewed < '2025-01-01') row(product, renewed, '', addYears(approval, 10, -1), '延续注册');
  if (rnd() < 0.5) row(`${product}（改进型）`, addYears(approval, 1, int(0, 300)), '', '', '变更注册文件', '产品名称变更');
  return rows;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function generate(): void {
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `\ufeff${HEADER.join(',')}\r\n${HINT.map(quote).join(',')}\r\n`);
  let written = 0;
  let chunk: string[] = [];
  while (written < rowCount) {
    for (const doc of documents(nextCertificate())) {
      if (written >= rowCount) break;
      // One row in 200 carries a typo, as real files do.
      if (rnd() < 0.005) doc[0] = doc[0]!.slice(0, -2);
      chunk.push(doc.map(quote).join(','));
      written++;
    }
    if (chunk.length >= 10_000) {
      fs.writeSync(fd, `${chunk.join('\r\n')}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(fd, `${chunk.join('\r\n')}\r\n`);
  fs.closeSync(fd);
}

if (values.regenerate || !fs.existsSync(file)) {
  const started = Date.now();
  generate();
  console.log(`generated ${file} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
const services = createServices(testConfig({ databasePath }));
/** Stores nothing: what reading and validating cost alone. */
const discard = { write: (inputs: readonly unknown[]): WriteSummary => ({ versionsAdded: 0, unchanged: inputs.length, certificatesCreated: 0, touched: [] }) };
const writer =
  values.writer === 'none' ? (discard as unknown as CertificateWriter)
  : values.writer === 'bare' ? new CertificateWriter(services.database.sqlite)
  : services.writer;
const importer = new Importer(
  { sqlite: services.database.sqlite, writer, now: services.now, today: services.today },
  { batchSize: Number(values.batch) },
);
const started = performance.now();
const cpuBefore = process.cpuUsage();
let peakRss = 0;
const report = await importer.importFile({
  path: file,
  fileName: path.basename(file),
  onProgress: () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
services.close();
console.log(JSON.stringify(report.counts));
console.log(
  `imported ${report.counts.total.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s: ` +
    `${Math.round(report.counts.total / seconds).toLocaleString('en-US')} rows/s, ` +
    `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)}), ` +
    `peak RSS ${(peakRss / 1e6).toFixed(0)} MB ` +
    `(writer ${values.writer}, batch ${values.batch}, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs; target ≤ 30 s for 1M)`,
);
