import { ValidationError } from '@behorig/kit/errors';

const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]+\.[^\s@<>]{2,}$/;

/**
 * R-USR-1: a staff member's e-mail address, optional. Trimmed; empty means none. The same shape
 * the organisations subgraph asks of contact persons (name@example.se, at most 254 characters):
 * anything else — markup, free text, kilobytes — was stored as given before (hostile-input suite).
 */
export function optionalStaffEmail(input: string | null | undefined, field: string): string | null {
  const value = (input ?? '').trim();
  if (!value) return null;
  if (value.length > 254 || !EMAIL.test(value)) throw new ValidationError(field, 'The e-mail address is not valid (name@example.se).', 'INVALID_EMAIL');
  return value;
}
