import { isValidIsoDate, stockholmDate } from './dates';

/**
 * Swedish personal identity / coordination numbers (R-ID-1, R-ID-2, R-ID-4), the same rules as
 * the server's `@behorig/kit` identity-number module, so the form can say what is wrong before
 * anything is sent. Results carry a dictionary key, never a sentence: components translate it.
 */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export type PersonalNumberError =
  | 'pnr.form'
  | 'pnr.plusWithCentury'
  | 'pnr.checkDigit'
  | 'pnr.date'
  | 'pnr.coordinationDate'
  | 'pnr.future';

export type PersonalNumberResult =
  | { ok: true; canonical: string; birthDate: string; coordination: boolean }
  | { ok: false; error: PersonalNumberError; expectedCheckDigit?: number };

const PERSONAL = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

export function checkPersonalNumber(input: string, today: string = stockholmDate()): PersonalNumberResult {
  const value = (input ?? '').trim().replace(/\s+/g, '');
  const m = PERSONAL.exec(value);
  if (!m) return { ok: false, error: 'pnr.form' };
  const [, century, yy, mm, dd, sep, serial, check] = m;
  if (century && sep === '+') return { ok: false, error: 'pnr.plusWithCentury' };
  const day = Number(dd);
  const coordination = day > 60;
  const realDay = coordination ? day - 60 : day;
  const expected = luhnCheckDigit(`${yy}${mm}${dd}${serial}`);
  if (expected !== Number(check)) return { ok: false, error: 'pnr.checkDigit', expectedCheckDigit: expected };
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
  if (!isValidIsoDate(birthDate)) return { ok: false, error: coordination ? 'pnr.coordinationDate' : 'pnr.date' };
  if (birthDate > today) return { ok: false, error: 'pnr.future' };
  return { ok: true, canonical: `${birthDate.slice(0, 4)}${mm}${dd}${serial}${check}`, birthDate, coordination };
}

/** `YYYYMMDD-NNNN`, the form people read. */
export function formatPersonalNumber(canonical: string): string {
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}
