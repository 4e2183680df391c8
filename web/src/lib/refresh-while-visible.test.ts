import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOG_REFRESH_MS, useRefreshWhileVisible } from './refresh-while-visible';

let state: DocumentVisibilityState = 'visible';
function setVisibility(next: DocumentVisibilityState) {
  state = next;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  state = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
  vi.useFakeTimers();
});
afterEach(() => { vi.useRealTimers(); vi.restoreAllMocks(); });

describe('R-AUDIT-1: a page showing the log asks again while it is visible (events arrive through the outbox)', () => {
  it('asks every interval while visible, and not before the first interval has passed', () => {
    const refresh = vi.fn();
    renderHook(() => useRefreshWhileVisible(refresh, 1_000));
    vi.advanceTimersByTime(999);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_000);
    expect(refresh).toHaveBeenCalledTimes(4);
  });

  it('a hidden tab asks nothing; it asks at once when shown again, then every interval', () => {
    const refresh = vi.fn();
    renderHook(() => useRefreshWhileVisible(refresh, 1_000));
    setVisibility('hidden');
    vi.advanceTimersByTime(10_000);
    expect(refresh).not.toHaveBeenCalled();
    setVisibility('visible');
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('a page opened in a hidden tab starts asking when it is shown', () => {
    state = 'hidden';
    const refresh = vi.fn();
    renderHook(() => useRefreshWhileVisible(refresh, 1_000));
    vi.advanceTimersByTime(5_000);
    expect(refresh).not.toHaveBeenCalled();
    setVisibility('visible');
    vi.advanceTimersByTime(1_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('stops when the page is left, and calls the newest refresh it was given', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ refresh }) => useRefreshWhileVisible(refresh), { initialProps: { refresh: first } });
    rerender({ refresh: second });
    vi.advanceTimersByTime(LOG_REFRESH_MS);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    unmount();
    vi.advanceTimersByTime(LOG_REFRESH_MS * 3);
    setVisibility('hidden');
    setVisibility('visible');
    expect(second).toHaveBeenCalledTimes(1);
  });
});
