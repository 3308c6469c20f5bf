import { type Command, InvalidArgumentError } from 'commander';
import { normalise } from '../numbers/normalise.ts';
import type { NormaliseOptions } from '../numbers/number.types.ts';
import type { CliIo, ExitWith } from './cli-io.ts';

const DETAILS = `
Prints one JSON line per input: {"input": ..., "numbers": [...], "error": ..., "rejected": [...]}.
With --jsonl, reads one JSON string per line on stdin (blank lines are skipped) and answers in
order. Invalid certificate numbers are answers, not failures: the exit status is 0 unless the
command was misused (2), which includes a --jsonl line that is not a JSON string.
无效编号也是答案：退出码为 0，用法错误（含 --jsonl 中不是 JSON 字符串的行）为 2。
`;

/** Output is gathered and written in pieces of about this size: one write per line is slow. */
const FLUSH_AT = 64 * 1024;

/** `certref numbers`: the number engine on arguments or on JSON Lines from stdin. */
export function registerNumbers(program: Command, io: CliIo, exitWith: ExitWith): void {
  program
    .command('numbers')
    .summary('规范化注册证编号 normalise certificate numbers')
    .description('规范化注册证/备案凭证编号，每个输入输出一行 JSON\nNormalises certificate numbers: one JSON line per input.')
    .argument('[input...]', '编号，原样输入 numbers as written')
    .option('--jsonl', '从标准输入逐行读取 JSON 字符串 read one JSON string per line from stdin')
    .option('--current-year <YYYY>', '当前年份，用于判断年份是否可信 the year to check years against', parseYear)
    .addHelpText('after', DETAILS)
    .action(async (inputs: string[], options: { jsonl?: boolean; currentYear?: number }, command: Command) => {
      if (Boolean(options.jsonl) === inputs.length > 0) {
        command.error(
          options.jsonl ? 'error: --jsonl 时不接受参数 --jsonl takes no arguments' : 'error: 缺少输入 no input (or use --jsonl)',
        );
      }
      const normaliseOptions: NormaliseOptions = options.currentYear === undefined ? {} : { currentYear: options.currentYear };
      if (!options.jsonl) {
        io.stdout.write(inputs.map((input) => answerLine(input, normaliseOptions)).join(''));
        exitWith(0);
        return;
      }
      exitWith(await answerJsonLines(io, normaliseOptions));
    });
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new InvalidArgumentError('年份如 2026 / --current-year takes a year such as 2026');
  }
  return year;
}

function answerLine(input: string, options: NormaliseOptions): string {
  return `${JSON.stringify({ input, ...normalise(input, options) })}\n`;
}

async function answerJsonLines(io: CliIo, options: NormaliseOptions): Promise<number> {
  let pending = '';
  let status = 0;
  let lineNumber = 0;
  for await (const line of readLines(io.stdin)) {
    lineNumber++;
    if (line.trim() === '') continue;
    const input = parseJsonString(line);
    if (input === undefined) {
      // A line is still written so that answers stay aligned with the input lines.
      io.stderr.write(`line ${lineNumber}: not a JSON string\n`);
      pending += `${JSON.stringify({ line: lineNumber, invalidLine: 'not a JSON string' })}\n`;
      status = 2;
    } else {
      pending += answerLine(input, options);
    }
    if (pending.length >= FLUSH_AT) {
      io.stdout.write(pending);
      pending = '';
    }
  }
  if (pending !== '') io.stdout.write(pending);
  return status;
}

function parseJsonString(line: string): string | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Lines of a byte or text stream, decoding UTF-8 across chunk boundaries; CRLF is accepted. */
export async function* readLines(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let carry = '';
  for await (const chunk of chunks) {
    carry += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = carry.indexOf('\n');
    let start = 0;
    while (newline >= 0) {
      yield stripCr(carry.slice(start, newline));
      start = newline + 1;
      newline = carry.indexOf('\n', start);
    }
    carry = carry.slice(start);
  }
  carry += decoder.decode();
  if (carry !== '') yield stripCr(carry);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
