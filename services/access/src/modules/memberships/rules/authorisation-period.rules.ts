import { ValidationError } from '@behorig/kit/errors';
import { isValidIsoDate } from '@behorig/kit/dates';

/**
 * Authorisation periods (R-PERIOD-1…5). Dates are Europe/Stockholm calendar dates as `YYYY-MM-DD`
 * strings, which compare correctly as strings. "Today" is always an argument; nothing here reads a
 * clock, and validity is computed from the dates on every call (R-PERIOD-5: nothing runs at midnight).
 */

export interface Period {
  validFrom: string;
  /** Inclusive; null = no end date. */
  validTo: string | null;
}

export type PeriodState = 'NOT_STARTED' | 'ACTIVE' | 'ENDED';

function assertDate(value: string, what: string): void {
  if (!isValidIsoDate(value)) throw new TypeError(`${what} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/** R-PERIOD-1: where `date` falls relative to the period (start and end date both inclusive). */
export function periodStateOn(period: Period, date: string): PeriodState {
  assertDate(date, 'date');
  if (date < period.validFrom) return 'NOT_STARTED';
  if (period.validTo !== null && date > period.validTo) return 'ENDED';
  return 'ACTIVE';
}

/** R-PERIOD-1, R-PERIOD-5: access exists on `date` only inside the period, end date inclusive. */
export function isActiveOn(period: Period, date: string): boolean {
  return periodStateOn(period, date) === 'ACTIVE';
}

/** R-PERIOD-2: the latest allowed end date is 31 December of the calendar year after `today`. */
export function latestEndDate(today: string): string {
  assertDate(today, 'today');
  return `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}-12-31`;
}

export interface PeriodRole {
  code?: string;
  name?: string;
  isPermissionAdmin: boolean;
}

export interface PeriodInput {
  validFrom: string;
  validTo: string | null | undefined;
  roles: readonly PeriodRole[];
}

/**
 * Validates a proposed period for a set of roles. Throws `ValidationError(field, message)` where
 * field is `${fieldPrefix}.validFrom` or `${fieldPrefix}.validTo`, checking in this order:
 * a real start date; a real end date; end not before start (R-PERIOD-1); no end date on a
 * permission administrator (R-PERIOD-3); end at the latest 31 Dec of next year (R-PERIOD-2).
 * The start date may lie in the past or the future; the end date is not required to be after today.
 */
export function validatePeriod(input: PeriodInput, today: string, fieldPrefix = 'input'): void {
  const p = fieldPrefix ? `${fieldPrefix}.` : '';
  const latest = latestEndDate(today);
  if (typeof input.validFrom !== 'string' || !isValidIsoDate(input.validFrom)) {
    throw new ValidationError(`${p}validFrom`, 'The start date must be a calendar date YYYY-MM-DD.', 'INVALID_DATE');
  }
  const validTo = input.validTo ?? null;
  if (validTo === null) return;
  if (typeof validTo !== 'string' || !isValidIsoDate(validTo)) {
    throw new ValidationError(`${p}validTo`, 'The end date must be a calendar date YYYY-MM-DD.', 'INVALID_DATE');
  }
  if (validTo < input.validFrom) {
    throw new ValidationError(`${p}validTo`, `The end date ${validTo} is before the start date ${input.validFrom}.`, 'END_DATE_BEFORE_START_DATE');
  }
  const admin = input.roles.find((r) => r.isPermissionAdmin);
  if (admin) {
    const which = admin.name ?? admin.code ?? 'a permission administrator role';
    throw new ValidationError(`${p}validTo`, `A permission administrator cannot have an end date (role ${which}).`, 'ADMINISTRATOR_NEEDS_NO_END_DATE');
  }
  if (validTo > latest) {
    throw new ValidationError(`${p}validTo`, `The end date may be at the latest ${latest}.`, 'END_DATE_AFTER_NEXT_YEAR');
  }
}

export interface PeriodChangeAssignment {
  /** The stored assignment's id, passed through to the result when given. */
  id?: string;
  roleCode: string;
  isPermissionAdmin: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface PeriodChangePerson {
  id: string;
  /** Shown in the refusal ("Arvid Aronsson"). */
  name: string;
  /** The person's role assignments in the organisation; all of them get the new end date. */
  roles: readonly PeriodChangeAssignment[];
}

export interface PeriodChange {
  personId: string;
  assignments: { id?: string; roleCode: string; validFrom: string; previousValidTo: string | null; validTo: string }[];
}

export interface IneligiblePerson {
  personId: string;
  name: string;
  reason: string;
}

export type PeriodChangePlan = { ok: true; validTo: string; changes: PeriodChange[] } | { ok: false; ineligible: IneligiblePerson[] };

/**
 * R-PERIOD-4 "Ändra behörighetsperiod": one new end date for several ticked users, all or nothing.
 *
 * Problems with the date itself (not a date, in the past, after next year-end per R-PERIOD-2) or an
 * empty selection throw `ValidationError` (fields `validTo`, `personIds`), since no user could be
 * changed. Otherwise every person who cannot take the date is listed with a reason — a permission
 * administrator (R-PERIOD-3), someone without a role assignment, or someone whose assignment starts
 * after the new end date — and then nobody is changed. Listed duplicates count once.
 */
export function planPeriodChange(persons: readonly PeriodChangePerson[], newValidTo: string, today: string): PeriodChangePlan {
  const latest = latestEndDate(today);
  if (typeof newValidTo !== 'string' || !isValidIsoDate(newValidTo)) {
    throw new ValidationError('validTo', 'The end date must be a calendar date YYYY-MM-DD.', 'INVALID_DATE');
  }
  if (newValidTo < today) {
    throw new ValidationError('validTo', `The end date cannot be in the past (today is ${today}).`, 'END_DATE_IN_PAST');
  }
  if (newValidTo > latest) {
    throw new ValidationError('validTo', `The end date may be at the latest ${latest}.`, 'END_DATE_AFTER_NEXT_YEAR');
  }
  if (persons.length === 0) {
    throw new ValidationError('personIds', 'Choose at least one user.', 'NO_USERS_CHOSEN');
  }
  const seen = new Set<string>();
  const unique = persons.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
  const ineligible: IneligiblePerson[] = [];
  const changes: PeriodChange[] = [];
  for (const person of unique) {
    const reasons: string[] = [];
    if (person.roles.length === 0) reasons.push('has no role in the organisation');
    if (person.roles.some((r) => r.isPermissionAdmin)) reasons.push('is a permission administrator, who cannot have an end date (R-PERIOD-3)');
    const late = person.roles.filter((r) => r.validFrom > newValidTo).map((r) => r.validFrom).sort();
    if (late.length > 0) reasons.push(`has a role starting ${late[0]}, after the new end date ${newValidTo}`);
    if (reasons.length > 0) {
      ineligible.push({ personId: person.id, name: person.name, reason: reasons.join('; ') });
      continue;
    }
    changes.push({
      personId: person.id,
      assignments: person.roles.map((r) => ({
        ...(r.id !== undefined ? { id: r.id } : {}),
        roleCode: r.roleCode,
        validFrom: r.validFrom,
        previousValidTo: r.validTo,
        validTo: newValidTo,
      })),
    });
  }
  return ineligible.length > 0 ? { ok: false, ineligible } : { ok: true, validTo: newValidTo, changes };
}

/** One message naming every ineligible person, for the refusal of R-PERIOD-4. */
export function describeIneligible(ineligible: readonly IneligiblePerson[]): string {
  const parts = ineligible.map((i) => `${i.name} (${i.reason})`);
  return `No end date was changed. ${ineligible.length === 1 ? 'This user cannot' : 'These users cannot'} get the new end date: ${parts.join(', ')}.`;
}

/**
 * R-SIGN-8: what gives access waits for a signature. An end date moved later, or removed (null =
 * no end date), gives access; an earlier end date, or the same one, only takes access away (or
 * nothing) and applies at once.
 */
export function endDateGivesAccess(previousValidTo: string | null, validTo: string | null): boolean {
  if (previousValidTo === null) return false;
  return validTo === null || validTo > previousValidTo;
}

/**
 * R-SIGN-8 for R-PERIOD-4: splits a period change into what applies at once (assignments whose end
 * date comes earlier or stays) and the people for whom some end date moves later, whose new state
 * waits for a signature.
 */
export function splitPeriodChange(changes: readonly PeriodChange[]): { atOnce: PeriodChange[]; toSign: PeriodChange[] } {
  const atOnce: PeriodChange[] = [];
  const toSign: PeriodChange[] = [];
  for (const c of changes) {
    const later = c.assignments.filter((a) => endDateGivesAccess(a.previousValidTo, a.validTo));
    const earlier = c.assignments.filter((a) => !endDateGivesAccess(a.previousValidTo, a.validTo) && a.previousValidTo !== a.validTo);
    if (earlier.length > 0) atOnce.push({ personId: c.personId, assignments: earlier });
    if (later.length > 0) toSign.push({ personId: c.personId, assignments: later });
  }
  return { atOnce, toSign };
}
