import { endsSoon } from './dates';

/**
 * Status chips of role assignments and staff members (R-PERIOD-1, R-PERIOD-5): a period holds from
 * `validFrom` up to and including `validTo`; nothing has to run at midnight, so the status is
 * computed from the dates and today's Stockholm date whenever it is shown.
 */
export type PeriodStatus = 'ACTIVE' | 'ENDING_SOON' | 'ENDED' | 'UPCOMING';

/** Days before an end date from which an active period shows as "ending soon" (as Mina behörigheter). */
export const ENDING_SOON_DAYS = 30;

export interface Period { validFrom: string; validTo?: string | null }

export function periodStatus(p: Period, today: string, soonDays = ENDING_SOON_DAYS): PeriodStatus {
  if (p.validTo && p.validTo < today) return 'ENDED';
  if (p.validFrom > today) return 'UPCOMING';
  return endsSoon(p.validTo, today, soonDays) ? 'ENDING_SOON' : 'ACTIVE';
}

/**
 * A staff member's status from all their role periods in one organisation: active when any role
 * holds today (ending soon when every role that holds today ends within the window), else
 * starting later when a role starts later, else ended (also with no roles at all).
 */
export function staffStatus(periods: readonly Period[], today: string, soonDays = ENDING_SOON_DAYS): PeriodStatus {
  const each = periods.map((p) => periodStatus(p, today, soonDays));
  if (each.includes('ACTIVE')) return 'ACTIVE';
  if (each.includes('ENDING_SOON')) return 'ENDING_SOON';
  if (each.includes('UPCOMING')) return 'UPCOMING';
  return 'ENDED';
}
