import type { SigningKey } from '@behorig/kit/auth';
import type { Logger } from '@behorig/kit/server';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { appendStalePendingEvents } from './audit.service';
import { auditStore } from './audit.store';
import { signCheckpoint } from './rules/audit-checkpoint';

/**
 * Writes a signed checkpoint for every chain whose head moved since its last checkpoint
 * (R-AUDIT-4). Safe with several replicas: each transaction claims the heads it signs with row
 * locks that skip rows already locked (audit.store.ts claimDueHeads), so two replicas never sign
 * the same head and nobody waits on a lock held across transactions. A head being appended to right now is skipped and caught next run.
 */
export async function writeDueCheckpoints(em: EntityManager, key: SigningKey, now: Date, batchSize = 200): Promise<number> {
  let written = 0;
  for (;;) {
    const n = await em.transactional(async (tx) => {
      const store = auditStore(tx);
      const due = await store.claimDueHeads(batchSize);
      if (due.length === 0) return 0;
      const at = now.toISOString();
      const rows = await Promise.all(due.map(async (d) => ({
        ...d, jws: await signCheckpoint(key, { organisationId: d.organisationId, seq: d.seq, hash: d.hash, at }),
      })));
      await store.addCheckpoints(rows, at, key.kid);
      return rows.length;
    });
    written += n;
    if (n < batchSize) return written;
  }
}

export interface Checkpointer { runOnce: () => Promise<number>; stop: () => Promise<void> }

/**
 * Runs writeDueCheckpoints every `intervalSeconds / 2`, so a checkpoint is written at most
 * `intervalSeconds` after an organisation's latest event (AUDIT_CHECKPOINT_SECONDS).
 */
export function startCheckpointer(opts: { orm: MikroORM; key: () => SigningKey; intervalSeconds: number; now: () => number; logger: Logger }): Checkpointer {
  let running: Promise<number> | null = null;
  let stopped = false;
  const runOnce = async () => {
    // Events still waiting for their predecessor after STALE_PENDING_MS go in now (R-AUDIT-4).
    await appendStalePendingEvents(opts.orm.em.fork(), new Date());
    return writeDueCheckpoints(opts.orm.em.fork(), opts.key(), new Date(opts.now()));
  };
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = runOnce()
      .catch((e: unknown) => { opts.logger.warn({ err: e }, 'writing audit checkpoints failed; retrying next run'); return 0; })
      .finally(() => { running = null; });
  }, Math.max(100, (opts.intervalSeconds * 1000) / 2));
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
