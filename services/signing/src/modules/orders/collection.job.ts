import type { EntityManager } from '@mikro-orm/postgresql';
import type { SigningDeps } from '../../deps';
import { claimOpenOrders, refreshOrder } from './orders.service';

/**
 * R-SIGN-7: the service collects its open BankID orders itself, whether or not a client keeps
 * polling `signingOrder`.
 */
/** One round of server-side collection: every claimed order is refreshed as a client poll would. */
export async function collectOpenOrders(em: EntityManager, deps: SigningDeps, leaseMs: number): Promise<number> {
  const refs = await claimOpenOrders(em.fork(), leaseMs);
  for (const ref of refs) {
    try {
      await refreshOrder(em.fork(), deps, ref);
    } catch (e) {
      deps.logger.warn({ err: e, orderRef: ref }, 'collecting a BankID order failed; retrying next round');
    }
  }
  return refs.length;
}

/** Runs collectOpenOrders every `intervalMs` (BankID recommends collecting every 2 s). */
export function startCollector(em: EntityManager, deps: SigningDeps, intervalMs: number): { stop: () => Promise<void>; runOnce: () => Promise<number> } {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const runOnce = () => collectOpenOrders(em, deps, Math.max(500, intervalMs - 250));
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = runOnce().catch((e: unknown) => deps.logger.warn({ err: e }, 'collecting BankID orders failed')).finally(() => { running = null; });
  }, intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

