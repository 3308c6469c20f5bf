/**
 * Child process for udi-giant-node.test.ts, run with a small heap (--max-old-space-size): writes a
 * UDI file whose devices hold one giant text node each (a kept field, and a nested list's entry),
 * streamed to disk in 1 MB pieces, imports it in this thread and prints the run as JSON. Before the
 * cap, the parser gathered each node whole and this process ran out of memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { probeImporter } from './helpers.ts';

const nodeMb = Number(process.argv[2] ?? 64);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certref-udi-giant-'));
const file = path.join(dir, 'giant.xml');

function device(key: string, di: string, fields: string): string {
  return `<device><deviceRecordKey>${key}</deviceRecordKey><zxxsdycpbs>${di}</zxxsdycpbs><versionNumber>1</versionNumber><zczbhhzbapzbh>粤械注准20172010123</zczbhhzbapzbh><ylqxzcrbarmc>广州某医疗器械有限公司</ylqxzcrbarmc>${fields}</device>\n`;
}
function giant(fd: number): void {
  const piece = '超长文本'.repeat(256 * 1024); // 1M characters, 3 MB of UTF-8
  for (let i = 0; i < nodeMb / 3; i++) fs.writeSync(fd, piece);
}

const fd = fs.openSync(file, 'w');
fs.writeSync(fd, '<?xml version="1.0" encoding="UTF-8"?>\n<udid><header><numberRkeyecordXML>4</numberRkeyecordXML></header><devices>\n');
fs.writeSync(fd, device('key-1', '06900000000001', '<cpmctymc>医用口罩</cpmctymc>'));
fs.writeSync(fd, '<device><deviceRecordKey>key-2</deviceRecordKey><zxxsdycpbs>06900000000002</zxxsdycpbs><cpmctymc>');
giant(fd);
fs.writeSync(fd, '</cpmctymc><zczbhhzbapzbh>粤械注准20172010123</zczbhhzbapzbh></device>\n');
fs.writeSync(fd, '<device><deviceRecordKey>key-3</deviceRecordKey><zxxsdycpbs>06900000000003</zxxsdycpbs><packingList><packing><bzcpbs>');
giant(fd);
fs.writeSync(fd, '</bzcpbs></packing></packingList><zczbhhzbapzbh>粤械注准20172010123</zczbhhzbapzbh></device>\n');
fs.writeSync(fd, device('key-4', '06900000000004', '<cpmctymc>医用棉签</cpmctymc>'));
fs.writeSync(fd, '</devices></udid>\n');
fs.closeSync(fd);

const { services, importer } = probeImporter(dir, Number.POSITIVE_INFINITY);
const [outcome] = await importer.importPath(file, { trigger: 'test' });
const stored = services.database.sqlite.prepare('SELECT record_key AS recordKey FROM udi_devices ORDER BY record_key').all();
services.close();
const sizeBytes = fs.statSync(file).size;
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ sizeBytes, outcome, stored }));
