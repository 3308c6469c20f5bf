/**
 * Cuts every run of text between two markup characters (`<`, `>`) to `maxChars`, before the XML
 * parser sees it. saxes gathers a whole text node (or attribute value, or comment) into one string
 * before reporting it, so a single 1 GB text node held a gigabyte; after this cap it holds at most
 * `maxChars`, whatever the file. `onCut` is called where a run was cut, between the text before the
 * cut (already passed on) and the rest, so the caller knows which element it was in.
 *
 * The last two characters of a cut run are kept before its `>`, so that `]]>`, `-->` and `?>`
 * still close what they close; a surrogate pair is never split.
 */
export class MarkupRunCap {
  /** Characters since the last `<` or `>`, passed on so far. */
  private run = 0;
  /** Inside a run that was cut: characters are dropped until the next `<` or `>`. */
  private dropping = false;
  /** The last two dropped characters, for `]]>` and `-->` (see above). */
  private droppedTail = '';
  private carry = '';

  constructor(
    private readonly maxChars: number,
    private readonly emit: (text: string) => void,
    private readonly onCut: () => void,
  ) {}

  push(chunk: string): void {
    let text = this.carry + chunk;
    this.carry = '';
    // A high surrogate at the end waits for its pair, so a cut never falls between them.
    if (isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    let at = 0;
    // Text is passed on in as few pieces as possible: one per chunk unless a run is cut.
    let from = 0;
    while (at < text.length) {
      if (this.dropping) {
        const next = nextMarkup(text, at);
        if (next === -1) {
          this.droppedTail = (this.droppedTail + text.slice(Math.max(at, text.length - 2))).slice(-2);
          return;
        }
        const tail = (this.droppedTail + text.slice(Math.max(at, next - 2), next)).slice(-2);
        if (text[next] === '>') this.emit(tail.replace(/[^\x20-\x7e]/g, ''));
        this.dropping = false;
        this.droppedTail = '';
        this.run = 0;
        at = next;
        from = next;
        continue;
      }
      // Where this run would pass the cap; a markup character at or before it keeps the run short.
      const limit = at + this.maxChars - this.run;
      if (limit >= text.length) {
        const last = Math.max(text.lastIndexOf('<'), text.lastIndexOf('>'));
        this.run = last >= at ? text.length - last - 1 : this.run + text.length - at;
        break;
      }
      const last = Math.max(text.lastIndexOf('<', limit), text.lastIndexOf('>', limit));
      if (last >= at) {
        this.run = 0;
        at = last + 1;
        continue;
      }
      const cut = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
      this.emit(text.slice(from, cut));
      this.onCut();
      this.dropping = true;
      at = cut;
    }
    if (!this.dropping && from < text.length) this.emit(text.slice(from));
  }

  end(): void {
    if (this.carry !== '' && !this.dropping) this.emit(this.carry);
    this.carry = '';
  }
}

function nextMarkup(text: string, from: number): number {
  const lt = text.indexOf('<', from);
  const gt = text.indexOf('>', from);
  if (lt === -1) return gt;
  if (gt === -1) return lt;
  return Math.min(lt, gt);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
