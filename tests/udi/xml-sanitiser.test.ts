import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlSanitiser } from '../../src/udi/xml/xml-sanitiser.ts';

function sanitiseInChunks(text: string, cuts: number[]): string {
  const sanitiser = new XmlSanitiser();
  let out = '';
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out += sanitiser.push(text.slice(at, cut));
    at = cut;
  }
  return out + sanitiser.push(text.slice(at)) + sanitiser.end();
}

describe('the XML sanitiser', () => {
  it('escapes a bare & and keeps the entities and character references that are already right', () => {
    const sanitiser = new XmlSanitiser();
    const out = sanitiser.push('<a>A&B &amp; &lt;x&gt; &#8482; &#x4E2D; &quot;&apos; R&D&</a>') + sanitiser.end();
    expect(out).toBe('<a>A&amp;B &amp; &lt;x&gt; &#8482; &#x4E2D; &quot;&apos; R&amp;D&amp;</a>');
    expect(sanitiser.counts.ampersandsEscaped).toBe(3);
  });

  it('drops the control characters XML 1.0 forbids, and references to them, but keeps tab, CR and LF', () => {
    const sanitiser = new XmlSanitiser();
    const out = sanitiser.push('<a>x\u0000y\u000bz\u001f\t\r\n&#1;&#x0B;ok\ufffe</a>') + sanitiser.end();
    expect(out).toBe('<a>xyz\t\r\nok</a>');
    expect(sanitiser.counts.controlCharactersDropped).toBe(4);
    expect(sanitiser.counts.invalidReferencesDropped).toBe(2);
  });

  it('leaves & inside CDATA alone', () => {
    const sanitiser = new XmlSanitiser();
    expect(sanitiser.push('<a><![CDATA[A&B]]>C&D</a>') + sanitiser.end()).toBe('<a><![CDATA[A&B]]>C&amp;D</a>');
  });

  it('gives the same text however the stream is cut into chunks', () => {
    const text = '<r><a>A&B&amp;&#8482;&#1;\u0001</a><![CDATA[x&y]]>&lt;<b>中文&#x4e2d;文&</b><![CDATA[&]]></r>';
    const whole = sanitiseInChunks(text, []);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }), (cuts) => {
        expect(sanitiseInChunks(text, cuts)).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });
});
