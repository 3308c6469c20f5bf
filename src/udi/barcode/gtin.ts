/**
 * The GS1 check digit (GS1 General Specifications §7.9.1): from the right, digits are weighted
 * 3, 1, 3, 1 …; the check digit brings the sum up to a multiple of ten. `body` is the digits before it.
 */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** A GTIN-14 is 14 digits whose last is the check digit of the other thirteen. */
export function isGtin14(text: string): boolean {
  return /^\d{14}$/.test(text) && gs1CheckDigit(text.slice(0, 13)) === text.charCodeAt(13) - 48;
}
