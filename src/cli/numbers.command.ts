import { normalise } from '../numbers/normalise.ts';
import type { NormaliseOptions } from '../numbers/number.types.ts';
import { parseCommandArgs } from './command-args.ts';

export interface NumbersIo {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const USAGE = `usage: certref numbers [--current-year YYYY] <input>...
       certref numbers --jsonl [--current-year YYYY] < inputs.jsonl

Prints one JSON line per input: {"input": ..., "numbers": [...], "error": ..., "rejected": [...]}.
With --jsonl, reads one JSON string per line on stdin (blank lines are skipped) and answers in
order. Invalid certificate numbers are answers, not failures: the exit status is 0 unless the
command was misused (2), which includes a --jsonl line that is not a JSON string.
`;

/** Output is gathered and written in pieces of about this size: one write per line is slow. */
const FLUSH_AT = 64 * 1024;

/** `certref numbers`: the number engine on arguments or on JSON Lines from stdin. */
export async function runNumbers(args: string[], io: NumbersIo): Promise<number> {
  const parsed = parseCommandArgs(args, { jsonl: { type: 'boolean', default: false }, 'current-year': { type: 'string' } }, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const options: NormaliseOptions = {};
  if (values['current-year'] !== undefined) {
    const year = Number(values['current-year']);
    if (!Number.isInteger(year) || year < 2000 || year > 9999) {
      io.stderr.write(`--current-year takes a year such as 2026\n${USAGE}`);
      return 2;
    }
    options.currentYear = year;
  }
  if (values.jsonl === positionals.length > 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (!values.jsonl) {
    io.stdout.write(positionals.map((input) => answerLine(input, options)).join(''));
    return 0;
  }
  return answerJsonLines(io, options);
}

function answerLine(input: string, options: NormaliseOptions): string {
  return `${JSON.stringify({ input, ...normalise(input, options) })}\n`;
}

async function answerJsonLines(io: NumbersIo, options: NormaliseOptions): Promise<number> {
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
