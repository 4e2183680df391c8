import { ValidationError } from './validation-error';
import { isValidIsoDate, stockholmDate } from './dates';
import type { Reason } from './reasons';

/**
 * Swedish identity numbers (docs/domain.md: R-ID-1…4). Pure functions: no I/O, the clock is an argument.
 */

/** Luhn check digit over the nine digits before it (weights 2,1,2,1,…, digit sums of products). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export interface PersonalNumber {
  /** Canonical 12-digit form `YYYYMMDDNNNC`, the only form stored. */
  canonical: string;
  /** The birth date (for a coordination number: day − 60). */
  birthDate: string;
  coordination: boolean;
}

const PERSONAL = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Why a personal number is refused: codes the web client translates, messages the API sends. */
export type PersonalNumberProblem = 'form' | 'plusWithCentury' | 'checkDigit' | 'date' | 'coordinationDate' | 'future';

export type PersonalNumberCheck =
  | ({ ok: true } & PersonalNumber)
  | { ok: false; problem: PersonalNumberProblem; expectedCheckDigit?: number };

/**
 * The one implementation of R-ID-1/R-ID-2, shared by the services and the web client's forms:
 * YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC and YYYYMMDD-NNNC; day + 60 for coordination
 * numbers; the "-" century is the latest not in the future, "+" one further back.
 */
export function checkPersonalNumber(input: string, today: string = stockholmDate()): PersonalNumberCheck {
  const value = (input ?? '').trim().replace(/\s+/g, '');
  const m = PERSONAL.exec(value);
  if (!m) return { ok: false, problem: 'form' };
  const [, century, yy, mm, dd, sep, serial, check] = m;
  if (century && sep === '+') return { ok: false, problem: 'plusWithCentury' };
  const day = Number(dd);
  const coordination = day > 60;
  const realDay = coordination ? day - 60 : day;
  const expected = luhnCheckDigit(`${yy}${mm}${dd}${serial}`);
  if (expected !== Number(check)) return { ok: false, problem: 'checkDigit', expectedCheckDigit: expected };
  const dayStr = String(realDay).padStart(2, '0');
  let year: number;
  if (century) {
    year = Number(`${century}${yy}`);
  } else {
    const currentYear = Number(today.slice(0, 4));
    year = Math.floor(currentYear / 100) * 100 + Number(yy);
    if (`${year}-${mm}-${dayStr}` > today) year -= 100;
    if (sep === '+') year -= 100;
  }
  const birthDate = `${String(year).padStart(4, '0')}-${mm}-${dayStr}`;
  if (!isValidIsoDate(birthDate)) return { ok: false, problem: coordination ? 'coordinationDate' : 'date' };
  if (birthDate > today) return { ok: false, problem: 'future' };
  return { ok: true, canonical: `${birthDate.slice(0, 4)}${mm}${dd}${serial}${check}`, birthDate, coordination };
}

const PROBLEM_REASONS: Record<PersonalNumberProblem, Reason> = {
  form: 'PERSONAL_NUMBER_FORM',
  plusWithCentury: 'PERSONAL_NUMBER_PLUS_WITH_CENTURY',
  checkDigit: 'PERSONAL_NUMBER_CHECK_DIGIT',
  coordinationDate: 'COORDINATION_NUMBER_DATE',
  date: 'PERSONAL_NUMBER_DATE',
  future: 'PERSONAL_NUMBER_FUTURE',
};

const PROBLEM_MESSAGES: Record<PersonalNumberProblem, (expected?: number) => string> = {
  form: () => 'A personal identity number has the form YYYYMMDD-NNNN or YYMMDD-NNNN.',
  plusWithCentury: () => 'The "+" separator is only used with the 10-digit form (YYMMDD+NNNN).',
  checkDigit: (expected) => `The personal identity number's check digit should be ${expected}.`,
  coordinationDate: () => 'The coordination number does not contain a valid date (day − 60).',
  date: () => 'The personal identity number does not contain a valid date.',
  future: () => 'The personal identity number has a birth date in the future.',
};

/**
 * Parses and validates a personal identity number or coordination number (R-ID-1, R-ID-2).
 * Throws ValidationError(field) with a message a person understands.
 */
export function parsePersonalNumber(input: string, field = 'personalNumber', today: string = stockholmDate()): PersonalNumber {
  const result = checkPersonalNumber(input, today);
  if (!result.ok) throw new ValidationError(field, PROBLEM_MESSAGES[result.problem](result.expectedCheckDigit), PROBLEM_REASONS[result.problem]);
  const { ok: _ok, ...parsed } = result;
  return parsed;
}

/** `YYYYMMDD-NNNN`, the form people read. */
export function formatPersonalNumber(canonical: string): string {
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

const ORG = /^(?:16)?(\d{6})-?(\d{4})$/;

/** Legal form from the first digit (R-ID-3). */
export const ORG_LEGAL_FORMS: Record<string, string> = {
  '1': 'estate of a deceased person',
  '2': 'state, region, municipality or parish',
  '3': 'foreign company',
  '5': 'limited company',
  '6': 'general partnership',
  '7': 'economic association or housing cooperative',
  '8': 'non-profit association or foundation',
  '9': 'trading or limited partnership',
};

/**
 * Parses and validates an organisation number (R-ID-3): NNNNNN-NNNN, NNNNNNNNNN or the
 * 12-digit form with prefix 16; digits 3–4 at least 20; Luhn check digit. Returns `NNNNNN-NNNN`.
 */
export function parseOrgNumber(input: string, field = 'orgNumber'): string {
  const value = (input ?? '').trim().replace(/\s+/g, '');
  if (/^\d{12}$/.test(value) && !value.startsWith('16')) {
    throw new ValidationError(field, 'A 12-digit organisation number must start with 16.', 'ORGANISATION_NUMBER_FORM');
  }
  const m = ORG.exec(value);
  if (!m) throw new ValidationError(field, 'An organisation number has the form NNNNNN-NNNN.', 'ORGANISATION_NUMBER_FORM');
  const digits = m[1] + m[2];
  if (Number(digits.slice(2, 4)) < 20) {
    throw new ValidationError(field, 'Digits 3–4 of an organisation number are at least 20.', 'ORGANISATION_NUMBER_DIGITS');
  }
  const expected = luhnCheckDigit(digits.slice(0, 9));
  if (expected !== Number(digits[9])) {
    throw new ValidationError(field, `The organisation number's check digit should be ${expected}.`, 'ORGANISATION_NUMBER_CHECK_DIGIT');
  }
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
