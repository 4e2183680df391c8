import { badInput } from '@behorig/kit/errors';
import { isValidIsoDate } from '@behorig/kit/dates';

/** A period of the audit log: `from` inclusive, `to` exclusive; either may be open. */
export interface AuditPeriod {
  from?: Date;
  to?: Date;
}

/**
 * The period of an audit-log read or export. Accepts instants (ISO-8601) or calendar dates
 * (YYYY-MM-DD, taken as UTC midnight — export periods are whole days); anything else is
 * BAD_USER_INPUT naming the field.
 */
export function periodFilter(from: string | Date | null | undefined, to: string | Date | null | undefined): AuditPeriod {
  const parse = (v: string | Date, field: string) => {
    if (v instanceof Date) return v;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? (isValidIsoDate(v) ? new Date(`${v}T00:00:00Z`) : null) : new Date(v);
    if (!d || Number.isNaN(d.getTime())) throw badInput(field, `${field} must be an ISO date or instant.`, 'INVALID_DATE');
    return d;
  };
  const period: AuditPeriod = {};
  if (from) period.from = parse(from, 'from');
  if (to) period.to = parse(to, 'to');
  return period;
}
