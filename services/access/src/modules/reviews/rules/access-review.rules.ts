import { isValidIsoDate } from '@behorig/kit/dates';
import { ValidationError } from '@behorig/kit/errors';

/**
 * R-REV-1 access reviews (docs/domain.md), as pure functions: no GraphQL, no SQL.
 *
 * A review snapshots an organisation's active role assignments as items. A permission
 * administrator decides each item: KEEP, or END on a date. Decisions become the organisation's
 * change set (signed with BankID like any other change, R-SIGN); what is undecided when the
 * deadline has passed is reported, and ended when the review says so.
 */

export type ReviewDecision = 'KEEP' | 'END';

export interface DecisionInput {
  itemId: string;
  decision: ReviewDecision;
  endDate?: string | null;
}

/** The part of an item the rules need. */
export interface ReviewItemFacts {
  id: string;
  reviewId: string;
  personId: string;
  roleCode: string;
  validFrom: string;
  validTo: string | null;
  /** A permission administrator's role (R-PERIOD-3: never an end date). */
  isPermissionAdmin: boolean;
  decision: ReviewDecision | null;
  endDate: string | null;
}

/** R-PERIOD-2: the latest end date that may be set on `today`: 31 December next year. */
export const latestEndDate = (today: string): string => `${Number(today.slice(0, 4)) + 1}-12-31`;

/** R-REV-1: a review's deadline is a real date, today or later, and no later than R-PERIOD-2 allows. */
export function validateDeadline(deadline: string, today: string): void {
  if (!isValidIsoDate(deadline)) throw new ValidationError('input.deadline', 'The deadline must be a date (YYYY-MM-DD).', 'INVALID_DATE');
  if (deadline < today) throw new ValidationError('input.deadline', `The deadline ${deadline} has already passed (R-REV-1).`, 'REVIEW_DEADLINE_PASSED');
  if (deadline > latestEndDate(today)) throw new ValidationError('input.deadline', `The deadline may be at most ${latestEndDate(today)} (R-REV-1).`, 'REVIEW_DEADLINE_TOO_LATE');
}

/**
 * R-REV-1: every decision names an item of THIS review once; END carries an end date that is
 * today or later, not before the assignment starts, and within R-PERIOD-2. Throws on the first
 * problem, naming its field, so the mutation changes nothing.
 */
export function validateDecisions(reviewId: string, decisions: readonly DecisionInput[], items: ReadonlyMap<string, ReviewItemFacts>, today: string): void {
  if (decisions.length === 0) throw new ValidationError('decisions', 'Decide at least one item.', 'REVIEW_NO_DECISIONS');
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    const field = `decisions[${i}]`;
    const item = items.get(d.itemId);
    if (!item || item.reviewId !== reviewId) throw new ValidationError(`${field}.itemId`, 'That item does not belong to this review (R-REV-1).', 'REVIEW_ITEM_NOT_IN_REVIEW');
    if (seen.has(d.itemId)) throw new ValidationError(`${field}.itemId`, 'The same item is decided twice in one request.', 'REVIEW_ITEM_TWICE');
    seen.add(d.itemId);
    if (d.decision === 'KEEP') {
      if (d.endDate) throw new ValidationError(`${field}.endDate`, 'KEEP takes no end date; choose END to end the assignment on a date.', 'REVIEW_KEEP_WITH_END_DATE');
      return;
    }
    if (!d.endDate) throw new ValidationError(`${field}.endDate`, 'END needs an end date (R-REV-1).', 'REVIEW_END_DATE_REQUIRED');
    if (!isValidIsoDate(d.endDate)) throw new ValidationError(`${field}.endDate`, 'The end date must be a date (YYYY-MM-DD).', 'INVALID_DATE');
    if (d.endDate < today) throw new ValidationError(`${field}.endDate`, `The end date ${d.endDate} has already passed.`, 'REVIEW_END_DATE_PASSED');
    if (d.endDate < item.validFrom) throw new ValidationError(`${field}.endDate`, `The assignment starts ${item.validFrom}; it cannot end before that (R-PERIOD-1).`, 'REVIEW_END_BEFORE_START');
    if (d.endDate > latestEndDate(today)) throw new ValidationError(`${field}.endDate`, `An end date may be at most ${latestEndDate(today)} (R-PERIOD-2).`, 'REVIEW_END_DATE_TOO_LATE');
  });
}

export interface RolePeriod {
  validFrom: string;
  validTo: string | null;
}

/** What a person's reviewed assignments in one organisation become: a change for the change set, or nothing. */
export type ReviewedChange =
  | { kind: 'NONE' }
  | { kind: 'REMOVED' }
  | { kind: 'CHANGED'; roleCodes: string[]; rolePeriods: Record<string, RolePeriod>; validFrom: string; validTo: string | null };

/**
 * R-REV-1 with R-PERIOD-1/3: one person's assignments with their decisions (undecided and KEEP
 * stay exactly as they are). END never gives more access: the new end date is the earlier of the
 * current one and the decided one. A permission administrator's role takes no end date
 * (R-PERIOD-3), so ending it drops the role when the set is applied; a person left with no role
 * is removed from the organisation. R-AGR-3 is checked again when the set is applied.
 */
export function reviewedChange(assignments: readonly ReviewItemFacts[]): ReviewedChange {
  const periods: Record<string, RolePeriod> = {};
  let changed = false;
  for (const a of assignments) {
    if (a.decision !== 'END' || !a.endDate) {
      periods[a.roleCode] = { validFrom: a.validFrom, validTo: a.validTo };
      continue;
    }
    if (a.isPermissionAdmin) {
      changed = true;
      continue;
    }
    const validTo = a.validTo && a.validTo < a.endDate ? a.validTo : a.endDate;
    if (validTo !== a.validTo) changed = true;
    periods[a.roleCode] = { validFrom: a.validFrom, validTo };
  }
  if (!changed) return { kind: 'NONE' };
  const roleCodes = Object.keys(periods).sort();
  if (roleCodes.length === 0) return { kind: 'REMOVED' };
  const list = Object.values(periods);
  const validFrom = list.map((p) => p.validFrom).sort()[0];
  const validTo = list.some((p) => p.validTo === null) ? null : list.map((p) => p.validTo as string).sort().at(-1)!;
  return { kind: 'CHANGED', roleCodes, rolePeriods: periods, validFrom, validTo };
}

/** R-REV-1: a review's deadline day is its last day; it is due once that day has passed. */
export const isReviewDue = (deadline: string, today: string): boolean => today > deadline;

/**
 * R-REV-1 at the deadline with `endUndecidedAtDeadline`: which undecided items are ended. A
 * permission administrator's role is never ended unattended (R-PERIOD-3 allows it no end date and
 * R-AGR-3 needs an administrator left): it is reported instead.
 */
export function itemsToEndAtDeadline(items: readonly ReviewItemFacts[]): { end: ReviewItemFacts[]; reportOnly: ReviewItemFacts[] } {
  const undecided = items.filter((i) => i.decision === null);
  return { end: undecided.filter((i) => !i.isPermissionAdmin), reportOnly: undecided.filter((i) => i.isPermissionAdmin) };
}

export interface CurrentRole { roleCode: string; validFrom: string; validTo: string | null }

/**
 * R-REV-1 at the deadline: one person's roles after their undecided items end. Each role to end
 * gets the earlier of its own end date and the deadline; a role starting after the deadline, and
 * every other role, keeps its period (R-PERIOD-1), so the set only takes access away (R-SIGN-8).
 * Null when nothing would change (the roles already end by then, or are gone).
 */
export function periodsEndedAtDeadline(current: readonly CurrentRole[], toEnd: ReadonlySet<string>, deadline: string):
  { roleCodes: string[]; rolePeriods: Record<string, { validFrom: string; validTo: string | null }>; validFrom: string; validTo: string | null; ended: { roleCode: string; before: string | null; after: string }[] } | null {
  if (current.length === 0) return null;
  const rolePeriods: Record<string, { validFrom: string; validTo: string | null }> = {};
  const ended: { roleCode: string; before: string | null; after: string }[] = [];
  for (const r of current) {
    const ends = toEnd.has(r.roleCode) && r.validFrom <= deadline && (r.validTo === null || r.validTo > deadline);
    rolePeriods[r.roleCode] = { validFrom: r.validFrom, validTo: ends ? deadline : r.validTo };
    if (ends) ended.push({ roleCode: r.roleCode, before: r.validTo, after: deadline });
  }
  if (ended.length === 0) return null;
  const list = Object.values(rolePeriods);
  return {
    roleCodes: Object.keys(rolePeriods).sort(), rolePeriods, ended,
    validFrom: list.map((p) => p.validFrom).sort()[0],
    validTo: list.some((p) => p.validTo === null) ? null : list.map((p) => p.validTo as string).sort().at(-1)!,
  };
}
