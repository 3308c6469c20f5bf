/**
 * The package ships no types. Only what certref reads is declared: the element's AI and the text
 * it was read from (`raw`); its `data` and dates are not used, see gs1-element-string.ts.
 */
declare module 'gs1-barcode-parser-mod' {
  export interface ParsedElement {
    ai: string;
    dataTitle: string;
    raw: string;
  }

  export interface ParsedBarcode {
    codeName: string;
    parsedCodeItems: ParsedElement[];
  }

  /** Throws a string (not an Error) naming what it could not read. */
  export function parseBarcode(barcode: string): ParsedBarcode;
}
