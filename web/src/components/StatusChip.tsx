import { useT } from '../i18n';
import type { PeriodStatus } from '../lib/status';

const KEYS = { ACTIVE: 'status.ACTIVE', ENDING_SOON: 'status.ENDING_SOON', ENDED: 'status.ENDED', UPCOMING: 'status.UPCOMING' } as const;

/** A status chip in words (never colour alone, WCAG 1.4.1): active, ending soon, ended, starting later. */
export function StatusChip({ status }: { status: PeriodStatus }) {
  const t = useT();
  return <span className={`chip chip-${status.toLowerCase().replace('_', '-')}`} data-status={status}>{t(KEYS[status])}</span>;
}
