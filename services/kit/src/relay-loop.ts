import type { Pool } from 'pg';

export interface OutboxRelay {
  /** Sends one batch; returns how many rows were delivered (0 when there was nothing to send). */
  relayOnce(): Promise<number>;
  /** Sends batches until the outbox is empty. */
  drain(): Promise<number>;
  /** Polls every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export interface RelayLoopOptions {
  /** One batch of the relay: how many rows it delivered. */
  relayOnce(): Promise<number>;
  batchSize: number;
  /** The relay's own pool, ended once when the relay stops. */
  pool: Pool;
  /** Called with a round's error; returns how long to wait before the next round. */
  onError(e: unknown, intervalMs: number): number;
}

/**
 * The polling loop every outbox relay shares (the audit outbox, organisations' unit facts): drain
 * until a batch comes back short, wait, repeat; `stop()` waits for the round in flight, so nothing
 * is half-marked, and ends the pool once however often it is called (a service stopped by a test,
 * then by its system).
 */
export function relayLoop(o: RelayLoopOptions): OutboxRelay {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let ended: Promise<void> | undefined;

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await o.relayOnce();
      total += n;
      if (n < o.batchSize) return total;
    }
  }

  return {
    relayOnce: o.relayOnce,
    drain,
    start(intervalMs = 1000) {
      if (timer) return;
      const tick = () => {
        let wait = intervalMs;
        running = drain()
          .catch((e: unknown) => { wait = o.onError(e, intervalMs); })
          .finally(() => { if (timer) timer = setTimeout(tick, wait); });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      const t = timer;
      timer = undefined;
      if (t) clearTimeout(t);
      await running;
      ended ??= o.pool.end();
      await ended;
    },
  };
}
