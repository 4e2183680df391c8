import { useEffect, useRef } from 'react';

/**
 * How often a page showing the audit log asks again. The log is written asynchronously: a service
 * records the event in its transactional outbox and the relay delivers it to signing about once a
 * second (R-AUDIT-1, docs/architecture.md), so an event caused a moment ago may reach the log just
 * after the page asked. Asking again every few seconds shows it without the administrator reloading.
 */
export const LOG_REFRESH_MS = 5_000;

/**
 * Calls `refresh` every `everyMs` while the document is visible, and at once when it becomes visible
 * again; a hidden tab asks nothing. `refresh` should re-execute the page's query network-only.
 */
/** Visible unless hidden ('prerender' and older browsers count as visible: better one request too many than a stale log). */
const visible = () => document.visibilityState !== 'hidden';

export function useRefreshWhileVisible(refresh: () => void, everyMs: number = LOG_REFRESH_MS): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => { if (timer === undefined) timer = setInterval(() => latest.current(), everyMs); };
    const stop = () => { if (timer !== undefined) { clearInterval(timer); timer = undefined; } };
    const onVisibility = () => {
      if (visible()) {
        latest.current(); // what happened while the tab was hidden, now rather than in a while
        start();
      } else {
        stop();
      }
    };
    if (visible()) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [everyMs]);
}
