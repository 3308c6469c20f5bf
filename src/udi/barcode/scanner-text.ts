/** ASCII 29, the group separator a scanner sends for FNC1 after a variable-length element. */
export const GS = '\u001d';

/**
 * How FNC1 / GS arrives when a scanner types it into a text field or a person copies it: the
 * control character itself, its Unicode picture (␝), escapes pasted from logs, and the tags some
 * scanner drivers are configured to send.
 */
const SEPARATOR_SPELLINGS = /\\x1d|\\u001d|<GS>|\[GS\]|\{GS\}|<FNC1>|\[FNC1\]|\{FNC1\}|\^\]|\u241d/gi;

/** ISO/IEC 15424 symbology identifier: `]`, a letter, a digit (`]C1` GS1-128, `]d2` GS1 DataMatrix, `]Q3` …). */
const SYMBOLOGY = /^\][A-Za-z][0-9]/;

export interface ScannerText {
  /** The data with every separator as GS, without symbology identifier, whitespace or a leading FNC1. */
  text: string;
  /** The symbology identifier the scanner sent, if it sent one. */
  symbology: string | null;
}

/**
 * What a scanner typed, reduced to the data. NFKC first: an input method turns `(01)` into `（01）`.
 * Whitespace goes, because neither GS1 nor MA data may contain it, while scanners end with Enter
 * and people copy the printed `(01) 0690…  (17) 27…` with spaces.
 */
export function scannerText(raw: string): ScannerText {
  let text = raw.normalize('NFKC').replace(SEPARATOR_SPELLINGS, GS).replace(/\s+/g, '');
  const symbology = SYMBOLOGY.exec(text)?.[0] ?? null;
  if (symbology) text = text.slice(symbology.length);
  // A scanner sends the FNC1 that starts a GS1 symbol as GS too; it separates nothing.
  while (text.startsWith(GS)) text = text.slice(1);
  while (text.endsWith(GS)) text = text.slice(0, -1);
  return { text, symbology };
}
