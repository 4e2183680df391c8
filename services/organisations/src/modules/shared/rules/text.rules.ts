import { ValidationError } from '@behorig/kit/errors';

/** Trimmed, non-empty text of bounded length; a person reads the message. */
export function requiredText(input: string | null | undefined, field: string, label: string, max = 200): string {
  const value = (input ?? '').trim().replace(/\s+/g, ' ');
  if (!value) throw new ValidationError(field, `${label} must not be empty.`, 'FIELD_REQUIRED');
  if (value.length > max) throw new ValidationError(field, `${label} may be at most ${max} characters.`, 'TEXT_TOO_LONG');
  return value;
}

/** Optional text: empty becomes null, so "clear the field" and "never set" store the same. */
export function optionalText(input: string | null | undefined, field: string, label: string, max = 200): string | null {
  const value = (input ?? '').trim().replace(/\s+/g, ' ');
  if (!value) return null;
  if (value.length > max) throw new ValidationError(field, `${label} may be at most ${max} characters.`, 'TEXT_TOO_LONG');
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function optionalEmail(input: string | null | undefined, field = 'email'): string | null {
  const value = optionalText(input, field, 'The e-mail address', 254);
  if (value && !EMAIL.test(value)) throw new ValidationError(field, 'The e-mail address is not valid (name@example.se).', 'INVALID_EMAIL');
  return value;
}

/** Phone numbers as people write them: digits, spaces, +, - and parentheses; 5–20 digits. */
export function optionalPhone(input: string | null | undefined, field: string): string | null {
  const value = optionalText(input, field, 'The phone number', 40);
  if (!value) return null;
  const digits = value.replace(/\D/g, '');
  if (!/^\+?[\d\s()-]+$/.test(value) || digits.length < 5 || digits.length > 20) {
    throw new ValidationError(field, 'The phone number may contain digits, spaces, +, - and parentheses (e.g. 0942-140 00).', 'INVALID_PHONE');
  }
  return value;
}

/** Web sites as shown in the seeds ("www.dorotea.se") or with a scheme. */
export function optionalWebsite(input: string | null | undefined, field = 'website'): string | null {
  const value = optionalText(input, field, 'The website', 200);
  if (value && !/^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value)) {
    throw new ValidationError(field, 'The website is not a web address (e.g. www.dorotea.se).', 'INVALID_WEBSITE');
  }
  return value;
}
