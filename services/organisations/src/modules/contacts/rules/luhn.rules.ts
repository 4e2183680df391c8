/**
 * The Luhn (mod 10) check used by bankgiro and plusgiro numbers. Unlike kit's
 * `luhnCheckDigit` (fixed at nine digits, weights from the left), giro numbers vary in length,
 * so weights are counted from the right: the digit next to the check digit is doubled.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigitFor(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

export function luhnCheckDigitFor(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const d = Number(payload[payload.length - 1 - i]);
    const p = i % 2 === 0 ? d * 2 : d;
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}
