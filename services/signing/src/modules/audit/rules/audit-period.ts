import { badInput, isValidIsoDate } from '@behorig/kit';

/**
 * A period filter on `at`: `from` inclusive, `to` exclusive. Accepts instants (ISO-8601) or
 * calendar dates (YYYY-MM-DD, taken as UTC midnight — export periods are whole days).
 */
export function periodFilter(from: string | Date | null | undefined, to: string | Date | null | undefined) {
  const parse = (v: string | Date, field: string) => {
    if (v instanceof Date) return v;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? (isValidIsoDate(v) ? new Date(`${v}T00:00:00Z`) : null) : new Date(v);
    if (!d || Number.isNaN(d.getTime())) throw badInput(field, `${field} must be an ISO date or instant.`, 'INVALID_DATE');
    return d;
  };
  const at: { $gte?: Date; $lt?: Date } = {};
  if (from) at.$gte = parse(from, 'from');
  if (to) at.$lt = parse(to, 'to');
  return Object.keys(at).length ? { at } : {};
}
