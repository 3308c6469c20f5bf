/**
 * Repairs the NMPA UDI XML as it streams past, so that a strict parser (saxes) accepts it:
 * text in the real files holds C0 control characters (form feeds, NULs pasted from Word) and bare
 * `&` (`A&B型`), both fatal in XML 1.0. Works chunk by chunk on decoded text, keeping a short tail
 * when a chunk ends in the middle of an entity or a CDATA marker, so memory stays flat.
 */

/** Characters XML 1.0 forbids; tab, LF and CR are allowed. U+FFFE/U+FFFF are non-characters. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const NEEDS_WORK = /[&\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** An `&` and what may follow it; the callback decides whether it starts a valid reference. */
const AMPERSAND = /&(?:(amp|lt|gt|quot|apos);|#([0-9]{1,8});|#[xX]([0-9a-fA-F]{1,7});)?/g;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';
/** Longer than any reference we keep (`&#1114111;`) and either CDATA marker. */
const TAIL = 12;

export interface SanitiserCounts {
  controlCharactersDropped: number;
  ampersandsEscaped: number;
  invalidReferencesDropped: number;
}

export class XmlSanitiser {
  private carry = '';
  private inCdata = false;
  readonly counts: SanitiserCounts = { controlCharactersDropped: 0, ampersandsEscaped: 0, invalidReferencesDropped: 0 };

  /** Returns the repaired text that can be parsed now; may hold back a few characters. */
  push(chunk: string): string {
    let text = this.carry + chunk;
    const cut = holdBackFrom(text);
    this.carry = text.slice(cut);
    text = text.slice(0, cut);
    return this.repair(text);
  }

  /** Whatever was held back, repaired as final text. */
  end(): string {
    const rest = this.carry;
    this.carry = '';
    return this.repair(rest);
  }

  private repair(text: string): string {
    if (!this.inCdata && !text.includes(CDATA_OPEN)) return this.repairOutsideCdata(text);
    let out = '';
    let at = 0;
    while (at < text.length) {
      if (this.inCdata) {
        const close = text.indexOf(CDATA_CLOSE, at);
        const end = close === -1 ? text.length : close + CDATA_CLOSE.length;
        // Inside CDATA `&` is literal text; only forbidden characters must go.
        out += this.dropForbidden(text.slice(at, end));
        if (close !== -1) this.inCdata = false;
        at = end;
      } else {
        const open = text.indexOf(CDATA_OPEN, at);
        const end = open === -1 ? text.length : open + CDATA_OPEN.length;
        out += this.repairOutsideCdata(text.slice(at, end));
        if (open !== -1) this.inCdata = true;
        at = end;
      }
    }
    return out;
  }

  private repairOutsideCdata(text: string): string {
    if (!NEEDS_WORK.test(text)) return text;
    return this.dropForbidden(text).replace(AMPERSAND, (match, named?: string, decimal?: string, hex?: string) => {
      if (named) return match;
      const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : null;
      if (code === null) {
        this.counts.ampersandsEscaped++;
        return '&amp;';
      }
      if (allowedCodePoint(code)) return match;
      this.counts.invalidReferencesDropped++;
      return '';
    });
  }

  private dropForbidden(text: string): string {
    // Replacing with a constant is much faster than a callback; the length difference is the count.
    const kept = text.replace(FORBIDDEN, '');
    this.counts.controlCharactersDropped += text.length - kept.length;
    return kept;
  }
}

/**
 * Where to stop so nothing that needs look-ahead is split: at the last `&`, `<` or `]` among the
 * final characters, backed up over a `]` before it (`]]` may be the start of `]]>`). A reference
 * or `<![CDATA[` holds no other of these characters after its first, so one cut short at the end
 * is always held back whole.
 */
function holdBackFrom(text: string): number {
  const from = Math.max(0, text.length - TAIL);
  for (let i = text.length - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x26 /* & */ || c === 0x3c /* < */) return i;
    if (c === 0x5d /* ] */) return i > 0 && text.charCodeAt(i - 1) === 0x5d ? i - 1 : i;
  }
  // A lone high surrogate at the end belongs with the next chunk's low surrogate.
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.length - 1 : text.length;
}

function allowedCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
