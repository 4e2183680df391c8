import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
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

/** The job runner's task name of a collection round (docs/architecture.md, "Scheduled work"). */
export const COLLECT_TASK = 'bankid.collect';

/**
 * Collection as a recurring job of the service's one runner, every `intervalMs` (BankID
 * recommends collecting every 2 s): one replica runs each slot, and the orders it claims are
 * leased besides (claimOpenOrders), so two replicas never collect the same order at once.
 */
export function collectionJob(orm: () => MikroORM, deps: SigningDeps, intervalMs: number) {
  return {
    tasks: { [COLLECT_TASK]: { leaseMs: Math.max(5_000, intervalMs * 3), handler: async () => { await collectOpenOrders(orm().em, deps, Math.max(500, intervalMs - 250)); } } },
    recurring: [{ task: COLLECT_TASK, everyMs: intervalMs }],
  };
}
