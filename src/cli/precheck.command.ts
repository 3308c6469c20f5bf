import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { type PrecheckSummary, STATUS_LABELS } from '../prechecks/prechecks.schemas.ts';
import type { Services } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import { makeTempDir } from '../shared/temp-files.ts';
import type { CliIo, ExitWith } from './cli-io.ts';
import { displayWidth } from './output/display-width.ts';
import { withServices } from './with-services.ts';

const DETAILS = `
核查一份填好的广东省产品信息批量填报模板（XLSX，或 UTF-8/GBK 的 CSV）：逐行核查证号，按库中数据补填
空白的产品名称、注册人和日期，写出同格式的更正文件（默认 <文件名>.checked.<扩展名>），每行加上
“核查结果”和“说明”两列。库中没有的广东证号会新建或加入补录工单。不写入任何证书数据。
Checks a filled-in Guangdong batch template and writes a corrected copy in the same format
(default <name>.checked.<ext>) with 核查结果 and 说明 columns. Never writes certificate data.

退出码：0 已核查（结果见更正文件）；1 文件被拒绝；2 用法错误。
exit 0: checked; 1: the file was refused; 2: misuse.
`;
const LISTED_ROWS = 30;

interface PrecheckOptions {
  output?: string;
  json?: boolean;
}

/** `certref precheck <file>`. */
export function registerPrecheck(program: Command, io: CliIo, exitWith: ExitWith): void {
  program
    .command('precheck')
    .summary('预检批量填报模板并写出更正文件 pre-check a filled-in reporting template')
    .description('核查填报模板中的证号并补填空白 checks a template’s numbers and fills its blanks')
    .argument('<file>', 'XLSX 或 CSV 模板 the template')
    .option('-o, --output <file>', '更正文件的路径（默认 <文件名>.checked.<扩展名>）where the corrected file goes')
    .option('--json', '以 JSON 输出核查摘要 print the summary as JSON')
    .addHelpText('after', DETAILS)
    .action(async (file: string, options: PrecheckOptions) =>
      exitWith(await withServices(io, (services) => precheckFile(services, file, options, io))),
    );
}

async function precheckFile(services: Services, file: string, options: PrecheckOptions, io: CliIo): Promise<number> {
  // Written beside nothing until it is whole: a refused file leaves no half-written output behind.
  const scratch = await makeTempDir('precheck');
  try {
    const written = path.join(scratch.path, 'corrected');
    const summary = await services.prechecks.run({
      input: { path: file },
      fileName: path.basename(file),
      requester: { organisation: 'cli', opener: { actor: `cli:${os.userInfo().username}`, role: 'admin' } },
      outputPath: written,
    });
    const output = options.output ?? path.join(path.dirname(file), summary.correctedFile.fileName);
    await fs.promises.copyFile(written, output);
    io.stdout.write(options.json ? `${JSON.stringify({ ...summary, output }, null, 2)}\n` : formatSummary(summary, output));
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr.write(`certref precheck: 无法读写文件 cannot read or write ${(error as NodeJS.ErrnoException).path ?? file} (${code})\n`);
      return 1;
    }
    if (!(error instanceof AppError)) throw error;
    if (options.json) io.stdout.write(`${JSON.stringify({ code: error.code, message: error.text, ...error.extra }, null, 2)}\n`);
    else io.stderr.write(`${error.code}: ${error.text.zh}\n${error.text.en}\n`);
    return 1;
  } finally {
    await scratch.dispose();
  }
}

function formatSummary(summary: PrecheckSummary, output: string): string {
  const { counts } = summary;
  const table = [
    ['核查结果 result', '行数 rows'],
    ['通过 passed', counts.passed],
    ['已更正 corrected', counts.corrected],
    ['不可填报 not reportable', counts.notReportable],
    ['未收录 not listed', counts.notListed],
    ['合计 total', counts.total],
  ].map(([label, value]) => [String(label), String(value)]);
  const width = Math.max(...table.map(([label]) => displayWidth(label!)));
  const lines = [
    `已核查 ${summary.fileName}（${summary.format}${summary.encoding ? `，${summary.encoding}` : ''}${summary.sheetName ? `，工作表 ${summary.sheetName}` : ''}），表头在第 ${summary.headerRow} 行，按 ${summary.asOf} 判断有效期`,
    ...table.map(([label, value]) => `  ${label}${' '.repeat(width - displayWidth(label!))}  ${value!.padStart(8)}`),
  ];
  if (counts.hintRows > 0) lines.push(`  跳过填写说明行 hint rows skipped: ${counts.hintRows}`);
  const listed = summary.rows.slice(0, LISTED_ROWS);
  if (listed.length > 0) lines.push('需要注意的行 rows to look at:');
  for (const row of listed) lines.push(`  第 ${row.row} 行 [${STATUS_LABELS[row.status]}] ${row.input}：${row.notes.join(' ')}`);
  if (summary.rows.length > listed.length || summary.rowsTruncated)
    lines.push('  …其余各行见更正文件的“说明”列 the rest are in the corrected file');
  if (summary.tickets.length > 0) {
    lines.push(`补录工单 tickets (${summary.tickets.length}):`);
    for (const ticket of summary.tickets.slice(0, LISTED_ROWS))
      lines.push(`  ${ticket.number}  ${ticket.href}${ticket.opened ? '（新建 new）' : ''}`);
  }
  lines.push(`更正文件已写入 corrected file written to: ${output}`);
  return `${lines.join('\n')}\n`;
}
