import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/imports/readers/csv-parser.ts';

/** Parses `text` fed in pieces of every size from 1 up, and checks all agree. */
function parse(text: string, delimiter = ','): string[][] {
  let first: string[][] | undefined;
  for (const size of [1, 2, 3, 5, 8, text.length || 1]) {
    const parser = new CsvParser(delimiter);
    const records: string[][] = [];
    for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size), records);
    parser.end(records);
    if (first) expect(records, `chunks of ${size}`).toEqual(first);
    first ??= records;
  }
  return first!;
}

describe('CSV parser', () => {
  it('reads fields, CRLF / LF / CR line ends and a last line without one', () => {
    expect(parse('a,b,c\r\n1,2,3\n4,5,6\r7,8,9')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
  });

  it('reads quoted fields with delimiters, line breaks and doubled quotes', () => {
    expect(parse('"a,b","line\r\nbreak","say ""hi""",""\r\nx,"",y\r\n')).toEqual([
      ['a,b', 'line\r\nbreak', 'say "hi"', ''],
      ['x', '', 'y'],
    ]);
  });

  it('keeps blank lines as empty records, so row numbers stay as Excel shows them', () => {
    expect(parse('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps stray quotes literally, as Excel users type them', () => {
    expect(parse('12" screen,"quoted"tail,x\n')).toEqual([['12" screen', 'quotedtail', 'x']]);
  });

  it('keeps empty trailing fields', () => {
    expect(parse('a,,\n,,\nb,')).toEqual([
      ['a', '', ''],
      ['', '', ''],
      ['b', ''],
    ]);
  });

  it('splits on tabs when told', () => {
    expect(parse('a\tb,c\n', '\t')).toEqual([['a', 'b,c']]);
  });

  it('refuses a quote that never closes', () => {
    const parser = new CsvParser(',');
    parser.push('a,"open\n', []);
    expect(() => parser.end([])).toThrow('never closed');
  });
});
