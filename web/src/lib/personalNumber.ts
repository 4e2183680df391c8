import { checkPersonalNumber as check, formatPersonalNumber, luhnCheckDigit, type PersonalNumberProblem } from '@behorig/kit/identity';

/**
 * Swedish personal identity / coordination numbers (R-ID-1, R-ID-2, R-ID-4): the server's own
 * rules from `@behorig/kit/identity` (one implementation), so the form says what is wrong
 * before anything is sent. Results carry a dictionary key, never a sentence: components translate it.
 */
export { formatPersonalNumber, luhnCheckDigit };

export type PersonalNumberError = `pnr.${PersonalNumberProblem}`;

export type PersonalNumberResult =
  | { ok: true; canonical: string; birthDate: string; coordination: boolean }
  | { ok: false; error: PersonalNumberError; expectedCheckDigit?: number };

export function checkPersonalNumber(input: string, today?: string): PersonalNumberResult {
  const r = check(input, today);
  if (r.ok) return { ok: true, canonical: r.canonical, birthDate: r.birthDate, coordination: r.coordination };
  return { ok: false, error: `pnr.${r.problem}`, ...(r.expectedCheckDigit !== undefined ? { expectedCheckDigit: r.expectedCheckDigit } : {}) };
}
