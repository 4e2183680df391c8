import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * An accessible modal dialog: labelled by its title, focus moves in on open and back on close,
 * Escape closes, Tab stays inside.
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const restore = useRef<{ to: HTMLElement | null; timer?: ReturnType<typeof setTimeout> } | null>(null);
  useEffect(() => {
    // Focus goes back where it was only when the dialog really closes. React's StrictMode runs
    // this effect twice on open (mount, clean-up, mount); restoring focus in between blurred the
    // first field, which marked it "touched" and showed "Fyll i fältet." before anyone typed.
    if (!restore.current) restore.current = { to: document.activeElement as HTMLElement | null };
    clearTimeout(restore.current.timer);
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button:not(.modal-close)');
    (first ?? ref.current)?.focus();
    return () => {
      const r = restore.current!;
      r.timer = setTimeout(() => r.to?.focus?.(), 0);
    };
  }, []);
  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') { e.stopPropagation(); onClose(); }
    if (e.key === 'Tab' && ref.current) {
      const items = [...ref.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])')];
      if (items.length === 0) return;
      const [first, last] = [items[0], items[items.length - 1]];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    }
  }
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} className={wide ? 'modal wide' : 'modal'} tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="row-between">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="modal-close secondary" onClick={onClose} aria-label={t('app.close')}>×</button>
        </div>
        {children}
      </div>
    </div>
  );
}
