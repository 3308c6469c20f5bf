import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FileInspector } from '../../src/imports/file-inspector.ts';

function inspect(bytes: Buffer, splitAt: number) {
  const inspector = new FileInspector();
  inspector.add(bytes.subarray(0, splitAt));
  inspector.add(bytes.subarray(splitAt));
  return inspector.finish();
}

describe('encoding detection over the whole file', () => {
  const text = '注册证编号,产品名称\r\n粤械注准20172010123,"医用外科口罩"\r\n';

  it('keeps UTF-8 valid wherever a chunk boundary cuts a character', () => {
    const bytes = Buffer.from(text);
    for (let at = 0; at <= bytes.length; at++) expect(inspect(bytes, at).validUtf8, `split at ${at}`).toBe(true);
  });

  it('finds GBK bytes invalid as UTF-8, and counts quotes', () => {
    const bytes = iconv.encode(text, 'gbk');
    for (let at = 0; at <= bytes.length; at++) expect(inspect(bytes, at).validUtf8).toBe(false);
    expect(inspect(bytes, 3).quoteCount).toBe(2);
  });

  it('hashes the bytes', () => {
    expect(inspect(Buffer.from('abc'), 1).sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
