/** Calendar dates as `YYYY-MM-DD` strings in Europe/Stockholm (CONTRACT.md `Date`). */
const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

export function stockholmDate(at: Date = new Date()): string {
  return stockholm.format(at);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

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
