import type { SigningKey } from '@behorig/kit/auth';
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
export async function writeDueCheckpoints(em: EntityManager, key: SigningKey, now: Date, batchSize = 200, waitForLocks = false): Promise<number> {
  let written = 0;
  for (;;) {
    const n = await em.transactional(async (tx) => {
      const store = auditStore(tx);
      const due = await store.claimDueHeads(batchSize, waitForLocks);
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

/** The job runner's task name of the checkpoint round (docs/architecture.md, "Scheduled work"). */
export const CHECKPOINT_TASK = 'audit.checkpoint';

/**
 * One checkpoint round: events still waiting for their predecessor after STALE_PENDING_MS go in
 * (R-AUDIT-4), then every chain whose head moved gets its signed checkpoint. `waitForLocks`
 * (tests' deterministic call) waits for a round in hand elsewhere instead of skipping its heads.
 */
export async function checkpointRound(opts: { orm: MikroORM; key: () => SigningKey; now: () => number; waitForLocks?: boolean }): Promise<number> {
  await appendStalePendingEvents(opts.orm.em.fork(), new Date());
  return writeDueCheckpoints(opts.orm.em.fork(), opts.key(), new Date(opts.now()), 200, opts.waitForLocks);
}

/**
 * The round as a recurring job of the service's one runner, every `intervalSeconds / 2`, so a
 * checkpoint is written at most `intervalSeconds` after an organisation's latest event
 * (AUDIT_CHECKPOINT_SECONDS). One replica runs each slot; a slot whose replica died is taken
 * again after 30 s.
 */
export function checkpointJob(opts: { orm: () => MikroORM; key: () => SigningKey; intervalSeconds: number; now: () => number }) {
  return {
    tasks: { [CHECKPOINT_TASK]: { leaseMs: 30_000, handler: async () => { await checkpointRound({ ...opts, orm: opts.orm() }); } } },
    recurring: [{ task: CHECKPOINT_TASK, everyMs: Math.max(100, (opts.intervalSeconds * 1000) / 2) }],
  };
}
