/**
 * The staff list's status of one person in one organisation (R-PERIOD-1, R-PERIOD-5), from the
 * periods of their roles there, on the day asked — nothing runs at midnight. The store's SQL
 * (`staffPage` in memberships.store.ts) computes the same, so a filter and a chip always agree; the
 * web client shows it as a chip with the same words.
 */
export type StaffStatus = 'ACTIVE' | 'ENDING_SOON' | 'UPCOMING' | 'ENDED';
export const STAFF_STATUSES: readonly StaffStatus[] = ['ACTIVE', 'ENDING_SOON', 'UPCOMING', 'ENDED'];

/** An active role ending within this many days (inclusive) reads as "ending soon". */
export const ENDING_SOON_DAYS = 30;

export interface RolePeriod { validFrom: string; validTo: string | null }

/**
 * ACTIVE: some role holds today and does not end within the window; ENDING_SOON: every role that
 * holds today ends within it; UPCOMING: none holds today, one starts later; ENDED: none holds today
 * or later (also: no roles at all). `soonUntil` is today + ENDING_SOON_DAYS.
 */
export function staffStatusOf(roles: readonly RolePeriod[], today: string, soonUntil: string): StaffStatus {
  const holds = roles.filter((r) => r.validFrom <= today && (r.validTo === null || r.validTo >= today));
  if (holds.some((r) => r.validTo === null || r.validTo > soonUntil)) return 'ACTIVE';
  if (holds.length > 0) return 'ENDING_SOON';
  if (roles.some((r) => r.validFrom > today)) return 'UPCOMING';
  return 'ENDED';
}

/** What the staff list is sorted by; ties are broken by surname, given name and id. */
export type StaffSortField = 'NAME' | 'BIRTH_DATE' | 'EMAIL' | 'ROLE' | 'VALID_FROM' | 'VALID_TO';

/**
 * The search box's text as the store matches it: `pattern` (ILIKE, escaped, contains) against
 * names, e-mail, role names and codes and the birth date as YYYY-MM-DD; `digits` against the birth
 * date as YYYYMMDD when the text is a date written with digits only ("870507", "19870507"). Never a
 * personal number: only the birth date is searched (R-USR-1).
 */
export function searchTerms(search: string | null | undefined, escapeLike: (s: string) => string): { text: string; pattern: string; digits: string | null } | null {
  const text = search?.trim() ?? '';
  if (!text) return null;
  const digits = /^\d[\d-]*$/.test(text) ? text.replace(/-/g, '') : null;
  return { text, pattern: `%${escapeLike(text)}%`, digits: digits && digits.length >= 4 ? `%${digits}%` : null };
}
