import type { SigningKey } from '@behorig/kit';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { signCheckpoint } from './rules/audit-checkpoint';
import { appendStalePendingEvents } from './audit.service';

/**
 * Writes a signed checkpoint for every chain whose head moved since its last checkpoint
 * (R-AUDIT-4). Safe with several replicas: each transaction claims the heads it signs with
 * FOR UPDATE SKIP LOCKED, so two replicas never sign the same head and nobody waits on a lock
 * held across transactions. A head being appended to right now is skipped and caught next run.
 */
export async function writeDueCheckpoints(em: EntityManager, key: SigningKey, now: Date, batchSize = 200, waitForLocks = false): Promise<number> {
  let written = 0;
  for (;;) {
    const n = await em.transactional(async (tx) => {
      const due = await tx.execute<{ chain_key: string; organisation_id: string | null; seq: number; hash: string }[]>(
        `SELECT chain_key, organisation_id, seq, hash FROM signing.audit_chain_head
         WHERE seq > checkpointed_seq ORDER BY chain_key LIMIT ? FOR UPDATE${waitForLocks ? '' : ' SKIP LOCKED'}`,
        [batchSize],
      );
      if (due.length === 0) return 0;
      const at = now.toISOString();
      const rows = await Promise.all(due.map(async (d) => ({
        ...d, jws: await signCheckpoint(key, { organisationId: d.organisation_id, seq: d.seq, hash: d.hash, at }),
      })));
      await tx.execute(
        `INSERT INTO signing.audit_checkpoint (organisation_id, seq, hash, at, kid, jws) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT DO NOTHING`,
        rows.flatMap((r) => [r.organisation_id, r.seq, r.hash, at, key.kid, r.jws]),
      );
      await tx.execute(
        `UPDATE signing.audit_chain_head h SET checkpointed_seq = v.seq
         FROM (VALUES ${rows.map(() => '(?::uuid, ?::int)').join(', ')}) AS v(chain_key, seq) WHERE h.chain_key = v.chain_key`,
        rows.flatMap((r) => [r.chain_key, r.seq]),
      );
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
 * (R-AUDIT-4), then every chain whose head moved gets its signed checkpoint.
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
