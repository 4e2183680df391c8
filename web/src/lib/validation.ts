import { isValidIsoDate, latestEndDate, stockholmDate } from './dates';
import { checkPersonalNumber } from './personalNumber';
import type { MessageKey } from '../i18n';

/** The "Skapa användare" form (R-USR-1) as the dialog holds it. */
export interface StaffForm {
  personalNumber: string;
  givenName: string;
  surname: string;
  email: string;
  roleCodes: string[];
  unitIds: string[];
  /** R-USR-2 level two: offices of the ticked units; none ticked for a unit = all of its offices. */
  addressIds?: string[];
  validFrom: string;
  validTo: string;
}

export type FieldErrors = Partial<Record<string, MessageKey>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** End-date rules shared by every form that sets one (R-PERIOD-1, R-PERIOD-2). */
export function checkEndDate(validTo: string, validFrom: string | null, today: string): MessageKey | null {
  if (!validTo) return null;
  if (!isValidIsoDate(validTo)) return 'validation.date';
  if (validFrom && isValidIsoDate(validFrom) && validTo < validFrom) return 'validation.endBeforeStart';
  if (validTo < today) return 'validation.endInPast';
  if (validTo > latestEndDate(today)) return 'validation.endTooLate';
  return null;
}

/**
 * Validates the form like the server does; returns a map field → message key (empty = valid).
 * `adminRoleCodes` are roles that may not get an end date (R-PERIOD-3).
 */
export function validateStaffForm(form: StaffForm, opts: { today?: string; adminRoleCodes?: string[]; unitsRequired?: boolean } = {}): FieldErrors {
  const today = opts.today ?? stockholmDate();
  const errors: FieldErrors = {};
  if (!form.personalNumber.trim()) errors.personalNumber = 'validation.required';
  else {
    const pn = checkPersonalNumber(form.personalNumber, today);
    if (!pn.ok) errors.personalNumber = pn.error;
  }
  if (!form.givenName.trim()) errors.givenName = 'validation.required';
  if (!form.surname.trim()) errors.surname = 'validation.required';
  if (form.email.trim() && !EMAIL.test(form.email.trim())) errors.email = 'validation.email';
  if (form.roleCodes.length === 0) errors.roleCodes = 'validation.roleRequired';
  if (opts.unitsRequired && form.unitIds.length === 0) errors.unitIds = 'validation.unitRequired';
  if (!form.validFrom) errors.validFrom = 'validation.required';
  else if (!isValidIsoDate(form.validFrom)) errors.validFrom = 'validation.date';
  const endError = checkEndDate(form.validTo, form.validFrom, today);
  if (endError) errors.validTo = endError;
  else if (form.validTo && form.roleCodes.some((c) => opts.adminRoleCodes?.includes(c))) errors.validTo = 'validation.adminNoEndDate';
  return errors;
}
