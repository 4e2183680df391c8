import { useState } from 'react';
import { useT } from '../i18n';

/** Cursor pagination state: a stack of `after` cursors so "previous" works too. */
export function useCursorPager() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const after = stack[stack.length - 1];
  return {
    after,
    page: stack.length,
    next: (endCursor: string | null | undefined) => { if (endCursor) setStack([...stack, endCursor]); },
    previous: () => setStack(stack.length > 1 ? stack.slice(0, -1) : stack),
    reset: () => setStack([null]),
  };
}

export function Pager({ page, hasNextPage, onPrevious, onNext }: { page: number; hasNextPage: boolean; onPrevious: () => void; onNext: () => void }) {
  const t = useT();
  return (
    <nav className="pager" aria-label={t('staff.page', { page })}>
      <button type="button" className="secondary" disabled={page <= 1} onClick={onPrevious}>{t('staff.previous')}</button>
      <span>{t('staff.page', { page })}</span>
      <button type="button" className="secondary" disabled={!hasNextPage} onClick={onNext}>{t('staff.more')}</button>
    </nav>
  );
}
