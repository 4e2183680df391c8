/** Calendar dates as `YYYY-MM-DD` strings in Europe/Stockholm (docs/api.md `Date`): the kit's own. */
import { addDays, isValidIsoDate, stockholmDate } from '@behorig/kit/dates';

export { addDays, isValidIsoDate, stockholmDate };

/** R-PERIOD-2: the latest allowed end date, 31 December of next calendar year. */
export function latestEndDate(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}-12-31`;
}

/** Days from `today` to `date` (negative when in the past). */
export function daysUntil(date: string, today: string): number {
  const utc = (s: string) => { const [y, m, d] = s.split('-').map(Number); return Date.UTC(y, m - 1, d); };
  return Math.round((utc(date) - utc(today)) / 86_400_000);
}

/** An assignment ends soon when its end date lies within `withinDays` days from today. */
export function endsSoon(validTo: string | null | undefined, today: string, withinDays = 30): boolean {
  if (!validTo) return false;
  const left = daysUntil(validTo, today);
  return left >= 0 && left <= withinDays;
}
