/** Test helper (not exported from index): runs fn and returns what it threw. */
export function thrown(fn: () => unknown): Error & { field?: string; rule?: string; code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { field?: string; rule?: string };
  }
  throw new Error('expected a throw, nothing was thrown');
}
