import { SaxesParser } from 'saxes';
import { DEVICE_TAGS, emptyDevice, HEADER_COUNT_TAGS, type UdiDeviceRecord, type UdiField } from '../udi-device.ts';
import { MarkupRunCap } from './markup-run-cap.ts';
import { type SanitiserCounts, XmlSanitiser } from './xml-sanitiser.ts';

/** The XML could not be read even after repair: the file is truncated or not UDI data. */
class UdiXmlError extends Error {
  override name = 'UdiXmlError';
}

/** Longer than any real field; a device with a longer value is refused (`field_too_long`). */
const MAX_FIELD_CHARS = 20_000;
/**
 * What the parser may gather of one text node, attribute or comment; the rest is dropped before
 * it reaches saxes, so memory stays flat whatever one node holds (a 1 GB node took 1 GB before).
 */
export const MAX_TEXT_RUN_CHARS = 64 * 1024;

/** A device and, when one of its values was too long to keep, the tag that held it. */
export type ReadDevice = (device: UdiDeviceRecord, tooLong: string | null) => void;

/**
 * Push parser for one UDI XML document: feed decoded text with `write`, get each `<device>` as
 * soon as its closing tag is read. Holds one device at a time, whatever the file size.
 */
export class UdiXmlReader {
  private readonly parser = new SaxesParser({ position: true });
  private readonly sanitiser = new XmlSanitiser();
  private readonly cap = new MarkupRunCap(
    MAX_TEXT_RUN_CHARS,
    (text) => this.parser.write(this.sanitiser.push(text)),
    () => this.cut(),
  );
  /** Open elements' names, innermost last: says which tag a cut text was in. */
  private readonly openTags: string[] = [];
  /** The tag of the current device's first value that was too long, if any. */
  private tooLong: string | null = null;
  private depth = 0;
  private deviceDepth = -1;
  private device: UdiDeviceRecord | null = null;
  private field: UdiField | null = null;
  private inHeaderCount = false;
  private text = '';
  private failure: Error | null = null;
  private sawRoot = false;
  declaredCount: number | null = null;
  devices = 0;

  constructor(private readonly onDevice: ReadDevice) {
    const parser = this.parser;
    parser.on('opentag', (tag) => this.open(tag.name));
    parser.on('closetag', () => this.close());
    parser.on('text', (text) => this.collect(text));
    parser.on('cdata', (text) => this.collect(text));
    parser.on('error', (error) => {
      // saxes reports and carries on; the first error is the meaningful one.
      this.failure ??= new UdiXmlError(error.message);
    });
  }

  get repairs(): SanitiserCounts {
    return this.sanitiser.counts;
  }

  write(text: string): void {
    this.cap.push(text);
    this.throwIfFailed();
  }

  /** Ends the document; throws if it was not a complete UDI XML document. */
  end(): void {
    this.cap.end();
    this.parser.write(this.sanitiser.end());
    this.parser.close();
    this.throwIfFailed();
    if (!this.sawRoot) throw new UdiXmlError('the file holds no XML elements');
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  private open(name: string): void {
    this.depth++;
    this.openTags.push(name);
    this.sawRoot = true;
    if (this.device) {
      this.field = this.depth === this.deviceDepth + 1 ? (DEVICE_TAGS.get(name) ?? null) : null;
      this.text = '';
    } else if (name === 'device') {
      this.device = emptyDevice();
      this.deviceDepth = this.depth;
    } else if (HEADER_COUNT_TAGS.has(name)) {
      this.inHeaderCount = true;
      this.text = '';
    }
  }

  private close(): void {
    const depth = this.depth--;
    this.openTags.pop();
    const device = this.device;
    if (device && depth === this.deviceDepth) {
      this.device = null;
      this.deviceDepth = -1;
      this.devices++;
      this.onDevice(device, this.tooLong);
      this.tooLong = null;
    } else if (device && this.field && depth === this.deviceDepth + 1) {
      const value = this.text.trim();
      // A repeated tag keeps its first value: later ones are duplicates in the exports seen.
      if (value !== '' && device[this.field] === null) device[this.field] = detach(value);
      this.field = null;
      this.text = '';
    } else if (this.inHeaderCount) {
      this.inHeaderCount = false;
      const count = Number.parseInt(this.text.trim(), 10);
      if (Number.isFinite(count) && count >= 0) this.declaredCount = count;
    }
  }

  private collect(text: string): void {
    if (this.field === null && !this.inHeaderCount) return;
    if (this.text.length + text.length <= MAX_FIELD_CHARS) this.text += text;
    else this.markTooLong();
  }

  /** A run was cut before the parser: whatever element it was in, the device is not kept whole. */
  private cut(): void {
    this.markTooLong();
  }

  private markTooLong(): void {
    if (this.device) this.tooLong ??= this.openTags.at(-1) ?? null;
  }
}

/**
 * A copy of a value that shares no memory with the chunk it was read from. V8 represents a
 * substring as a view on its parent string, so a value kept after its batch (a cache key, a
 * recent-names set) would keep its whole 1 MB chunk alive, and memory would grow with the file.
 */
function detach(value: string): string {
  // Prepending makes a new two-part string; slicing it copies both parts into one fresh string.
  return ` ${value}`.slice(1);
}
