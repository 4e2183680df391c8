import type { Lang } from '../i18n';

/**
 * Dates and times in the chosen language, always in Europe/Stockholm (dates are Stockholm
 * calendar dates, R-PERIOD-1). Swedish: "17 okt. 2025", English: "17 Oct 2025".
 */
const locale = (lang: Lang) => (lang === 'sv' ? 'sv-SE' : 'en-GB');

/** A calendar date `YYYY-MM-DD` in words; anything else is returned as given. */
export function formatDate(lang: Lang, date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  // Noon UTC of that day is the same calendar day in Stockholm whatever the season.
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(at);
}

/** An instant (ISO 8601) as date and time in Stockholm. */
export function formatDateTime(lang: Lang, instant: string | null | undefined): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(at);
}

/** The instant a Stockholm calendar day begins (for filters given as dates): handles summer time. */
export function stockholmMidnight(date: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${date}T00:00:00${offset}`);
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
    const get = (t: string) => parts.find((p) => p.type === t)?.value;
    if (get('hour') === '00' && get('minute') === '00' && `${get('year')}-${get('month')}-${get('day')}` === date) return at.toISOString();
  }
  return new Date(`${date}T00:00:00+01:00`).toISOString();
}
