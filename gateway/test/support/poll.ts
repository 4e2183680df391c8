/**
 * Asks `fn` until `done` holds or `timeoutMs` has passed, then returns the last answer (the caller
 * asserts on it, so a timeout fails with what was last seen). For effects that arrive
 * asynchronously: the outbox relay, BankID collection, checkpoints.
 */
export async function poll<T>(fn: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
