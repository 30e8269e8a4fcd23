/**
 * Organisation numbers (organisasjonsnummer, R19): 9 digits, the last a mod-11 check digit over the first 8
 * with weights 3, 2, 7, 6, 5, 4, 3, 2 (Brønnøysundregistrene). Remainder 0 gives check digit 0; remainder 1 would
 * need a check digit of 10, so such numbers are never issued and are invalid.
 */
export const ORG_NUMBER_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

const NINE_DIGITS = /^\d{9}$/;
const EIGHT_DIGITS = /^\d{8}$/;

/** The check digit for the first 8 digits, or `undefined` where none exists (remainder 1). */
export function orgNumberCheckDigit(first8: string): number | undefined {
  if (!EIGHT_DIGITS.test(first8)) throw new RangeError(`expected 8 digits, got '${first8}'`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * ORG_NUMBER_WEIGHTS[i];
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return undefined;
  return 11 - remainder;
}

/** True for a string of exactly 9 digits whose last digit is the mod-11 check digit. No spaces, no prefix. */
export function isValidOrgNumber(s: string): boolean {
  if (typeof s !== 'string' || !NINE_DIGITS.test(s)) return false;
  return orgNumberCheckDigit(s.slice(0, 8)) === Number(s[8]);
}

/**
 * Completes 8 digits to a valid org number (for seeds and tests). Throws where the 8 digits admit no check digit
 * (remainder 1): pick other digits.
 */
export function orgNumberWithCheckDigit(first8: string): string {
  const digit = orgNumberCheckDigit(first8);
  if (digit === undefined) throw new RangeError(`'${first8}' has no valid mod-11 check digit; use other digits`);
  return `${first8}${digit}`;
}
