import { ValidationError } from '@behorig/kit/errors';

/**
 * Swedish postal codes (R-ORG-3 addresses): five digits, written `NNN NN`. Accepts "91731",
 * "917 31" and "SE-917 31"; stores and returns `917 31`. No code starts with 0.
 */
export function parsePostalCode(input: string, field = 'postalCode'): string {
  const value = (input ?? '').trim().replace(/^SE-?/i, '').replace(/\s+/g, '');
  if (!/^\d{5}$/.test(value)) throw new ValidationError(field, 'A postal code has five digits, written NNN NN (e.g. 917 31).', 'INVALID_POSTAL_CODE');
  if (value[0] === '0') throw new ValidationError(field, 'A Swedish postal code never starts with 0.', 'INVALID_POSTAL_CODE');
  return `${value.slice(0, 3)} ${value.slice(3)}`;
}
