import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { helpText, main } from '../../src/cli/main.ts';

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
  lines: () => Array<Record<string, unknown>>;
}

function capture(stdin: Iterable<string | Uint8Array> = []): Captured {
  const sink = () => {
    let text = '';
    const stream = new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    return { stream, text: () => text };
  };
  const out = sink();
  const err = sink();
  return {
    io: { stdin: Readable.from(stdin), stdout: out.stream, stderr: err.stream, env: {} },
    stdout: out.text,
    stderr: err.text,
    lines: () =>
      out
        .text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('certref numbers <input…>', () => {
  it('prints one JSON line per input, valid or not, and exits 0', async () => {
    const c = capture();
    const status = await main(['numbers', '--current-year', '2026', '粤械注准 2017 2010123', '绿械注准20152630298', ''], c.io);
    expect(status).toBe(0);
    const [first, second, third] = c.lines();
    expect(first).toMatchObject({ input: '粤械注准 2017 2010123', error: null });
    expect((first!.numbers as Array<{ canonical: string }>)[0]!.canonical).toBe('粤械注准20172010123');
    expect(second).toMatchObject({ input: '绿械注准20152630298', numbers: [], error: { reason: 'unknown_authority' } });
    expect(third).toMatchObject({ input: '', error: { reason: 'empty' } });
    expect(c.lines()).toHaveLength(3);
    expect(c.stderr()).toBe('');
  });

  it('takes inputs that look like options after --', async () => {
    const c = capture();
    expect(await main(['numbers', '--', '--not-an-option'], c.io)).toBe(0);
    expect(c.lines()[0]).toMatchObject({ input: '--not-an-option', error: { reason: 'unrecognised' } });
  });
});

describe('certref numbers --jsonl', () => {
  it('answers each JSON string on stdin in order, including strings holding newlines', async () => {
    const inputs = ['粤械注准\n20172010123', '国械注准20173400077\r\n', '', '粤穗械备20180539号'];
    const c = capture([`${inputs.map((s) => JSON.stringify(s)).join('\n')}\n`]);
    expect(await main(['numbers', '--jsonl', '--current-year', '2026'], c.io)).toBe(0);
    const lines = c.lines();
    expect(lines.map((l) => l.input)).toEqual(inputs);
    expect(lines.map((l) => (l.numbers as Array<{ canonical: string }>)[0]?.canonical ?? null)).toEqual([
      '粤械注准20172010123',
      '国械注准20173400077',
      null,
      '粤穗械备20180539',
    ]);
  });

  it('reassembles lines and characters split across chunks, and accepts CRLF', async () => {
    const bytes = Buffer.from('"粤械注准20172010123"\r\n"國械註準20173400077"');
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 7), bytes.subarray(7, 30), bytes.subarray(30)];
    const c = capture(chunks);
    expect(await main(['numbers', '--jsonl'], c.io)).toBe(0);
    expect(c.lines().map((l) => l.input)).toEqual(['粤械注准20172010123', '國械註準20173400077']);
  });

  it('skips blank lines, answers a line that is not a JSON string in place, and exits 2', async () => {
    const c = capture(['"粤械注准20172010123"\n\n42\n{oops\n"hello"\n']);
    expect(await main(['numbers', '--jsonl'], c.io)).toBe(2);
    expect(c.lines()).toEqual([
      expect.objectContaining({ input: '粤械注准20172010123' }),
      { line: 3, invalidLine: 'not a JSON string' },
      { line: 4, invalidLine: 'not a JSON string' },
      expect.objectContaining({ input: 'hello' }),
    ]);
    expect(c.stderr()).toContain('line 3');
  });

  it('answers nothing for empty stdin', async () => {
    const c = capture([]);
    expect(await main(['numbers', '--jsonl'], c.io)).toBe(0);
    expect(c.stdout()).toBe('');
  });
});

describe('usage', () => {
  it.each([
    [['numbers'], 'no input'],
    [['numbers', '--jsonl', 'extra'], '--jsonl with arguments'],
    [['numbers', '--bogus', 'x'], 'an unknown option'],
    [['numbers', '--current-year', 'soon', 'x'], 'a bad year'],
    [['frobnicate'], 'an unknown command'],
    [[], 'no command'],
  ])('%j (%s) is a usage error: exit 2, help on stderr', async (argv) => {
    const c = capture();
    expect(await main(argv, c.io)).toBe(2);
    expect(c.stdout()).toBe('');
    expect(c.stderr()).toMatch(/usage: certref/);
  });

  it('prints help on --help and exits 0', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const c = capture();
      expect(await main(argv, c.io)).toBe(0);
      expect(c.stdout()).toBe(helpText());
    }
    const c = capture();
    expect(await main(['numbers', '--help'], c.io)).toBe(0);
    expect(c.stdout()).toContain('--jsonl');
  });

  it('lists every command in the help text', () => {
    expect(helpText()).toMatch(/^ {2}numbers {2}/m);
  });
});
