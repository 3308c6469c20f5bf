import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { MarkupRunCap } from '../../src/udi/xml/markup-run-cap.ts';

/** Feeds `chunks` through a cap of `max` characters; returns the text passed on and where cuts fell. */
function capped(chunks: string[], max: number): { text: string; cuts: number[] } {
  let text = '';
  const cuts: number[] = [];
  const cap = new MarkupRunCap(
    max,
    (piece) => (text += piece),
    () => cuts.push(text.length),
  );
  for (const chunk of chunks) cap.push(chunk);
  cap.end();
  return { text, cuts };
}

function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let failed = false;
  parser.on('error', () => (failed = true));
  parser.write(xml).close();
  return !failed;
}

describe('MarkupRunCap', () => {
  it('passes short runs through untouched, however the chunks fall', () => {
    const xml = '<a><b>医用口罩</b><c x="1">棉签</c></a>';
    expect(capped([xml.slice(0, 5), xml.slice(5, 9), xml.slice(9)], 8)).toEqual({ text: xml, cuts: [] });
  });

  it('cuts a long text node to the cap, across chunks, and says where', () => {
    const { text, cuts } = capped(['<a>', 'x'.repeat(7), 'y'.repeat(20), '</a><b>ok</b>'], 10);
    expect(text).toBe(`<a>${'x'.repeat(7)}yyy</a><b>ok</b>`);
    expect(cuts).toEqual([13]);
  });

  it('keeps CDATA and comments closed, and never splits a surrogate pair', () => {
    const cdata = capped([`<a><![CDATA[${'长'.repeat(50)}]]></a>`], 16).text;
    expect(wellFormed(cdata)).toBe(true);
    const comment = capped([`<a><!-- ${'z'.repeat(50)} --></a>`], 16).text;
    expect(wellFormed(comment)).toBe(true);
    const emoji = capped(['<a>', 'ab', '😀'.repeat(20), '</a>'], 5).text;
    expect(emoji).toBe('<a>ab😀</a>');
  });
});
