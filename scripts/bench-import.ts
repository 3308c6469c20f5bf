// Import benchmark: writes the demo dataset's documents as a 1,000,000-row CSV into bench-data/ (once,
// with a template hint row and 0.5% typos), imports it into a fresh file database with the
// production importer, and prints rows/s. Target: ≤ 30 s.
//   npm run bench:import [-- --rows 200000] [-- --regenerate] [-- --batch 20000] [-- --writer full|no-search|bare|none|floor]
//     [-- --reader worker|in-process] [-- --again]
// --writer tells the costs apart: full is the composition root's writer with its hooks (audit log,
// search index), no-search the same but for the search index (what keeping search in step in the
// same transactions costs), bare the writer alone, none reads and validates without storing anything, floor
// then stores the valid rows with bare positional SQL (scripts/bench/sqlite-floor.ts): SQLite's own cost.
// Large files are read and validated in a worker thread (the default above 16 MiB); --reader
// in-process keeps them on the storing thread. "main thread busy" is the storing thread's share.
// --again then imports the same file a second time into the filled database: the weekly refresh
// of a full dump, where nearly every row is already stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SEED } from '../seed/demo-data.ts';
import type { DocDraft } from '../seed/demo-drafts.ts';
import { demoDrafts } from '../seed/demo-stream.ts';
import { Rng } from '../seed/prng.ts';
import { CertificateWriter, type WriteSummary } from '../src/certificates/certificate-writer.ts';
import type { DocumentType, VersionInput } from '../src/certificates/version-input.ts';
import { testConfig } from '../src/config/config.ts';
import { BULK_BATCH_SIZE, Importer } from '../src/imports/importer.ts';
import { BULK_CATCH_UP_BATCH } from '../src/search/search-catch-up.ts';
import { createServices } from '../src/services.ts';
import { todayIn } from '../src/shared/dates.ts';
import { storeBare } from './bench/sqlite-floor.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    regenerate: { type: 'boolean', default: false },
    batch: { type: 'string', default: String(BULK_BATCH_SIZE) },
    writer: { type: 'string', default: 'full' },
    reader: { type: 'string', default: 'worker' },
    again: { type: 'boolean', default: false },
  },
});
const rowCount = Number(values.rows);
const dir = path.resolve('bench-data');
const file = path.join(dir, `import-${rowCount}.csv`);
const databasePath = path.join(dir, 'bench-import.db');

const HEADER = [
  '注册证编号',
  '产品名称',
  '注册人名称',
  '注册人住所',
  '生产地址',
  '代理人名称',
  '代理人住所',
  '型号规格',
  '结构及组成',
  '适用范围',
  '审批部门',
  '批准日期',
  '生效日期',
  '有效期至',
  '文件类型',
  '变更情况',
  '备注',
  '原注册证编号',
];
const HINT = [
  '必填，示例：粤械注准20172010123',
  '必填',
  '必填',
  '选填',
  '选填',
  '选填',
  '选填',
  '选填',
  '选填',
  '选填',
  '选填',
  '必填，格式：2023-05-01',
  '选填，格式：2023-05-01',
  '格式：2028-04-30',
  '注册证/延续注册/变更注册文件/备案凭证/变更备案',
  '选填',
  '选填',
  '选填',
];
const TYPE_LABELS: Partial<Record<DocumentType, string>> = {
  registration: '注册证',
  renewal: '延续注册',
  change: '变更注册文件',
  filing: '备案凭证',
  filing_change: '变更备案',
};

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvRow(doc: DocDraft): string {
  return [
    doc.asIssued,
    doc.productName,
    doc.holder,
    doc.holderAddress,
    doc.productionAddress,
    doc.agentName,
    doc.agentAddress,
    doc.modelSpec,
    doc.structure,
    doc.scope,
    doc.approvalDepartment,
    doc.approvalDate,
    doc.effectiveDate,
    doc.expiryDate,
    TYPE_LABELS[doc.documentType],
    doc.changeDescription,
    doc.remarks,
    doc.previousNumbers?.join('，'),
  ]
    .map((cell) => quote(cell ?? ''))
    .join(',');
}

/** The demo dataset's certificates (every family, renewals, changes, filings) as an Excel-style CSV. */
function generate(): void {
  fs.mkdirSync(dir, { recursive: true });
  const rng = new Rng(20_240_501);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `\ufeff${HEADER.join(',')}\r\n${HINT.map(quote).join(',')}\r\n`);
  let written = 0;
  let chunk: string[] = [];
  // More certificates than needed: the loop stops at the row count.
  for (const certificate of demoDrafts(rowCount, DEMO_SEED, todayIn('Asia/Shanghai'))) {
    for (const doc of certificate.docs) {
      if (written >= rowCount || !TYPE_LABELS[doc.documentType]) continue;
      // One row in 200 carries a typo, as real files do.
      const row = rng.chance(0.005) ? { ...doc, asIssued: doc.asIssued.slice(0, -2) } : doc;
      chunk.push(csvRow(row));
      written++;
    }
    if (chunk.length >= 10_000) {
      fs.writeSync(fd, `${chunk.join('\r\n')}\r\n`);
      chunk = [];
    }
    if (written >= rowCount) break;
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
/** Stores nothing: what reading and validating cost alone (floor: keeps the rows for storeBare). */
const collected: VersionInput[] = [];
const discard = {
  write: (inputs: readonly VersionInput[]): WriteSummary => {
    if (values.writer === 'floor') collected.push(...inputs);
    return { versionsAdded: 0, unchanged: inputs.length, certificatesCreated: 0, touched: [] };
  },
};
const writer =
  values.writer === 'none' || values.writer === 'floor'
    ? (discard as unknown as CertificateWriter)
    : values.writer === 'bare'
      ? new CertificateWriter(services.database.sqlite)
      : values.writer === 'no-search'
        ? writerWithoutSearch()
        : services.writer;

/** The composition root's writer less its search-index hook: the change log still follows every write. */
function writerWithoutSearch(): CertificateWriter {
  const writer = new CertificateWriter(services.database.sqlite, services.sourceAuthority);
  writer.onWrite(services.changeLog.certificateWriteHook());
  return writer;
}
const importer = new Importer(
  { sqlite: services.database.sqlite, writer, writes: services.writes, clock: services.clock },
  // As the CLI imports: a process that does nothing else.
  { batchSize: Number(values.batch), readInWorker: values.reader !== 'in-process', sparseCheckpoints: true },
);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const loopBefore = performance.eventLoopUtilization();
let peakRss = 0;
const report = await importer.importFile({
  path: file,
  fileName: path.basename(file),
  onProgress: () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  },
});
const seconds = (performance.now() - started) / 1000;
const importPeakRssMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
// The import leaves the search index to catch up after it, as the CLI does before it exits.
const catchUpStarted = performance.now();
const caughtUp = await services.search.catchUp.drain(BULK_CATCH_UP_BATCH);
const catchUpSeconds = (performance.now() - catchUpStarted) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// Busy time of this thread's event loop: the synchronous commits and the rebuilding of batches.
const mainBusySeconds = performance.eventLoopUtilization(loopBefore).active / 1000;
if (values.writer === 'floor') {
  const stored = storeBare(services.database.sqlite, collected, Number(values.batch));
  console.log(
    `SQLite alone stored the ${collected.length.toLocaleString('en-US')} valid rows in ${stored.toFixed(1)} s (reading and validating them took ${seconds.toFixed(1)} s)`,
  );
}
let again = '';
if (values.again) {
  const repeatStarted = performance.now();
  const repeat = await importer.importFile({ path: file, fileName: `again-${path.basename(file)}` });
  const repeatSeconds = (performance.now() - repeatStarted) / 1000;
  again = `\nimported the same file again in ${repeatSeconds.toFixed(1)} s: ${repeat.counts.versionsAdded} versions added, ${repeat.counts.unchanged.toLocaleString('en-US')} unchanged`;
}
services.close();
// The process's high-water mark, catch-up included (sampling at each batch would miss peaks between them).
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
console.log(JSON.stringify(report.counts));
console.log(
  `imported ${report.counts.total.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s: ` +
    `${Math.round(report.counts.total / seconds).toLocaleString('en-US')} rows/s, ` +
    `main thread busy ${mainBusySeconds.toFixed(1)} s, ` +
    `search caught up ${caughtUp.indexed.toLocaleString('en-US')} certificates in ${catchUpSeconds.toFixed(1)} s after, ` +
    `CPU of all threads ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)}), ` +
    `peak RSS ${(peakRss / 1e6).toFixed(0)} MB (${importPeakRssMb.toFixed(0)} MB before the catch-up) ` +
    `(writer ${values.writer}, reader ${values.reader}, batch ${values.batch}, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs; target ≤ 30 s for 1M)` +
    again,
);
// One line for scripts/bench-all.ts.
console.log(
  JSON.stringify({
    importRows: report.counts.total,
    importSeconds: Number(seconds.toFixed(2)),
    importRowsPerSecond: Math.round(report.counts.total / seconds),
    searchCatchUpSeconds: Number(catchUpSeconds.toFixed(2)),
    importPeakRssMb: Math.round(peakRss / 1e6),
  }),
);
