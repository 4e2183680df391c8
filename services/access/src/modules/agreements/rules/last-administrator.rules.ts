import { ValidationError } from '@behorig/kit/errors';
import { addDays, isValidIsoDate } from '@behorig/kit/dates';
import { ConflictRuleError } from '../../rule-errors';

/**
 * Agreements and the permission administrators they guarantee (R-AGR-1…4). Pure: today is an argument.
 * The database must still serialise concurrent changes (two administrators removing each other);
 * this module only decides, for one consistent snapshot, whether a change is allowed.
 */

export interface AdministratorPeriod {
  personId: string;
  validFrom: string;
  validTo: string | null;
}

export type AdministratorChange =
  /** The person stops being a permission administrator (user removed, or the role taken away). */
  | { kind: 'REMOVE'; personId: string }
  /** The person's administrator assignment(s) end on `validTo` (kept if they already end earlier). */
  | { kind: 'END'; personId: string; validTo: string }
  /** A new administrator assignment. */
  | { kind: 'ADD'; personId: string; validFrom: string; validTo: string | null };

/**
 * The first day from `today` on which nobody is a permission administrator, or null if the given
 * periods cover every day from today on without a gap (periods inclusive; consecutive periods join).
 */
export function firstDateWithoutAdministrator(admins: readonly AdministratorPeriod[], today: string): string | null {
  if (!isValidIsoDate(today)) throw new TypeError(`today must be a calendar date, got ${JSON.stringify(today)}`);
  let cursor = today;
  for (;;) {
    const covering = admins.filter((a) => a.validFrom <= cursor && (a.validTo === null || a.validTo >= cursor));
    if (covering.length === 0) return cursor;
    if (covering.some((a) => a.validTo === null)) return null;
    const lastDay = covering.map((a) => a.validTo as string).sort().at(-1) as string;
    cursor = addDays(lastDay, 1);
  }
}

/** The administrator periods after applying the change(s). */
export function applyAdministratorChanges(
  admins: readonly AdministratorPeriod[],
  change: AdministratorChange | readonly AdministratorChange[],
): AdministratorPeriod[] {
  let result = admins.map((a) => ({ ...a }));
  for (const c of Array.isArray(change) ? (change as readonly AdministratorChange[]) : [change as AdministratorChange]) {
    if (c.kind === 'REMOVE') result = result.filter((a) => a.personId !== c.personId);
    else if (c.kind === 'END') {
      result = result.map((a) =>
        a.personId === c.personId && (a.validTo === null || a.validTo > c.validTo) ? { ...a, validTo: c.validTo } : a,
      );
    } else result.push({ personId: c.personId, validFrom: c.validFrom, validTo: c.validTo });
  }
  return result;
}

/**
 * R-AGR-3: true if the change would leave the organisation without a permission administrator on
 * some day from today on, where it had one before — such a change is refused (CONFLICT). A change
 * that does not make the coverage worse is never refused, so an organisation that already lacks an
 * administrator (not yet activated, or waiting for a new agreement) can still be changed.
 */
export function wouldLeaveNoAdministrator(
  currentAdmins: readonly AdministratorPeriod[],
  change: AdministratorChange | readonly AdministratorChange[],
  today: string,
): boolean {
  const before = firstDateWithoutAdministrator(currentAdmins, today);
  const after = firstDateWithoutAdministrator(applyAdministratorChanges(currentAdmins, change), today);
  if (after === null) return false;
  return before === null || after < before;
}

// ── The agreement (R-AGR-1, R-AGR-2) ───────────────────────────────────────────────

export type AgreementStatus = 'RECEIVED' | 'ACTIVE' | 'NEEDS_NEW_ADMINISTRATOR';

export type AgreementEvent =
  /** The authority activates the (new) agreement: its named administrator gets PERMISSION_ADMIN. */
  | 'ACTIVATE'
  /** The last permission administrator is gone (e.g. the authority ended them anyway). */
  | 'LAST_ADMINISTRATOR_GONE'
  /** A new agreement naming a new administrator arrives (replaces a pending one when RECEIVED). */
  | 'NEW_AGREEMENT_RECEIVED';

/** R-AGR-2: the seed promises activation within 14 days of receipt. */
export const ACTIVATION_DAYS = 14;

export function activateBy(receivedOn: string, field = 'input.receivedOn'): string {
  if (typeof receivedOn !== 'string' || !isValidIsoDate(receivedOn)) {
    throw new ValidationError(field, 'The date the agreement was received must be a calendar date YYYY-MM-DD.', 'INVALID_DATE');
  }
  return addDays(receivedOn, ACTIVATION_DAYS);
}

/** R-AGR-2: a received agreement not activated by its deadline (the deadline day itself is on time). */
export function isActivationOverdue(status: AgreementStatus, receivedOn: string, today: string): boolean {
  return status === 'RECEIVED' && today > activateBy(receivedOn);
}

const TRANSITIONS: Record<AgreementStatus, Partial<Record<AgreementEvent, AgreementStatus>>> = {
  RECEIVED: { ACTIVATE: 'ACTIVE', NEW_AGREEMENT_RECEIVED: 'RECEIVED' },
  ACTIVE: { LAST_ADMINISTRATOR_GONE: 'NEEDS_NEW_ADMINISTRATOR' },
  NEEDS_NEW_ADMINISTRATOR: { NEW_AGREEMENT_RECEIVED: 'RECEIVED', ACTIVATE: 'ACTIVE' },
};

/**
 * R-AGR-1/2/3 state machine: RECEIVED →(ACTIVATE) ACTIVE →(LAST_ADMINISTRATOR_GONE)
 * NEEDS_NEW_ADMINISTRATOR →(NEW_AGREEMENT_RECEIVED) RECEIVED, or →(ACTIVATE) ACTIVE directly when
 * the new agreement naming a new administrator is activated. Anything else is a ConflictRuleError.
 */
export function nextAgreementStatus(current: AgreementStatus, event: AgreementEvent): AgreementStatus {
  const next = TRANSITIONS[current]?.[event];
  if (!next) {
    const rule = event === 'LAST_ADMINISTRATOR_GONE' ? 'R-AGR-3' : 'R-AGR-2';
    throw new ConflictRuleError(rule, `An agreement in status ${current} cannot take the event ${event}.`, 'AGREEMENT_STATUS_CONFLICT');
  }
  return next;
}

/**
 * R-AGR-3 with R-PERIOD-5: the status to show on `today`. A stored ACTIVE agreement whose
 * organisation has no administrator active today reads as NEEDS_NEW_ADMINISTRATOR, without any job
 * having to run when the last administrator's period ends.
 */
export function effectiveAgreementStatus(stored: AgreementStatus, admins: readonly AdministratorPeriod[], today: string): AgreementStatus {
  if (stored !== 'ACTIVE') return stored;
  return firstDateWithoutAdministrator(admins, today) === today ? 'NEEDS_NEW_ADMINISTRATOR' : 'ACTIVE';
}

/**
 * R-AGR-4: a warning when the number of permission administrators exceeds the threshold
 * (configurable, default 3), else null. The warning never blocks anything.
 */
export function adminCountWarning(count: number, threshold = 3): string | null {
  if (count <= threshold) return null;
  return `The organisation has ${count} permission administrators. Keep their number small: more than ${threshold} is rarely needed.`;
}
