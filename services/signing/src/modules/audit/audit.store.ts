import type { EntityManager } from '@mikro-orm/postgresql';
import { defineTable } from '@behorig/kit/db';
import type { ChainedEvent } from './rules/audit-chain';
import type { PersonFilter } from './rules/audit-filter';
import type { AuditPeriod } from './rules/audit-period';

/**
 * The audit log (R-AUDIT-1/2): append-only, one hash chain per organisation
 * (`hash = SHA-256(prevHash ‖ canonical event)`); `seq` numbers events within the chain.
 * `source`/`sourceId` identify an event collected from another service's outbox (de-duplication);
 * signing's own events have source 'signing' and no sourceId.
 */
export interface AuditEventRow extends ChainedEvent {
  id: number;
}

export const AUDIT_EVENT = defineTable<keyof AuditEventRow>('signing.audit_event', {
  id: 'id', organisationId: 'organisation_id', seq: 'seq', at: 'at', actor: 'actor', actorPersonId: 'actor_person_id', action: 'action',
  target: 'target', before: 'before', after: 'after', hash: 'hash', prevHash: 'prev_hash', source: 'source', sourceId: 'source_id', receiptId: 'receipt_id',
}, { dates: ['at'], bigints: ['id'] });

/** Each chain's head and how far it is checkpointed (R-AUDIT-4, migration 004). */
export const AUDIT_CHAIN_HEAD = defineTable('signing.audit_chain_head', {
  chainKey: 'chain_key', organisationId: 'organisation_id', seq: 'seq', hash: 'hash', checkpointedSeq: 'checkpointed_seq',
});

/** Signed checkpoints (R-AUDIT-4), append-only. */
export const AUDIT_CHECKPOINT = defineTable('signing.audit_checkpoint', {
  id: 'id', organisationId: 'organisation_id', seq: 'seq', hash: 'hash', at: 'at', kid: 'kid', jws: 'jws',
}, { dates: ['at'], bigints: ['id'] });

/** Signing's own events waiting for their predecessor (R-AUDIT-4 causal order, migration 007). */
export const PENDING_AUDIT_EVENT = defineTable('signing.pending_audit_event', {
  id: 'id', changeSetId: 'change_set_id', digest: 'digest', organisationId: 'organisation_id', event: 'event', createdAt: 'created_at',
}, { dates: ['createdAt'], bigints: ['id'] });

/** The migrator's own bookkeeping (kit orm.ts): when this schema's migrations ran, i.e. since when the log exists. Not a store's table. */
const MIGRATION_LOG = defineTable('signing.mikro_orm_migrations', { executedAt: 'executed_at' });

export const tables = [AUDIT_EVENT, AUDIT_CHAIN_HEAD, AUDIT_CHECKPOINT, PENDING_AUDIT_EVENT];

const e = AUDIT_EVENT.c;
const h = AUDIT_CHAIN_HEAD.c;
const cp = AUDIT_CHECKPOINT.c;
const p = PENDING_AUDIT_EVENT.c;
const toEvent = (raw: Record<string, unknown>) => AUDIT_EVENT.row<AuditEventRow>(raw);
const orgIs = (org: string | null) => (org === null ? `${e.organisationId} IS NULL` : `${e.organisationId} = ?`);

export interface DueHead { chainKey: string; organisationId: string | null; seq: number; hash: string }
export interface StoredCheckpoint { seq: number; hash: string; jws: string }

/** All SQL of the audit feature. Appends MUST run inside a transaction (`em` from `em.transactional`). */
export function auditStore(em: EntityManager) {
  const events = async (where: string, params: unknown[], tail = '') =>
    (await em.execute<Record<string, unknown>[]>(`SELECT ${AUDIT_EVENT.list()} FROM ${AUDIT_EVENT} WHERE ${where}${tail}`, params)).map(toEvent);
  const periodSql = (period: AuditPeriod) => ({
    sql: `${period.from ? ` AND ${e.at} >= ?` : ''}${period.to ? ` AND ${e.at} < ?` : ''}`,
    params: [...(period.from ? [period.from.toISOString()] : []), ...(period.to ? [period.to.toISOString()] : [])],
  });

  return {
    /** Serialises appends to one chain until commit (pg_advisory_xact_lock: safe behind PgBouncer, docs/deploy.md). */
    async lockChain(lockKey: string): Promise<void> {
      await em.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [lockKey]);
    },

    /** `source\0sourceId` of those of the given events that are already in the log. */
    async knownSourceIds(keys: readonly { source: string; sourceId: string }[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await em.execute<{ source: string; sourceId: string }[]>(
        `SELECT ${AUDIT_EVENT.list(['source', 'sourceId'])} FROM ${AUDIT_EVENT} WHERE (${e.source}, ${e.sourceId}) IN (${keys.map(() => '(?, ?)').join(', ')})`,
        keys.flatMap((k) => [k.source, k.sourceId]),
      );
      return new Set(rows.map((r) => `${r.source}\u0000${r.sourceId}`));
    },

    /** The chain's last event (its head), or undefined for an empty chain. */
    async head(organisationId: string | null): Promise<{ seq: number; hash: string } | undefined> {
      const [head] = await em.execute<{ seq: number; hash: string }[]>(
        `SELECT ${AUDIT_EVENT.list(['seq', 'hash'])} FROM ${AUDIT_EVENT} WHERE ${orgIs(organisationId)} ORDER BY ${e.seq} DESC LIMIT 1`,
        organisationId === null ? [] : [organisationId],
      );
      return head;
    },

    async insertEvent(x: ChainedEvent): Promise<string> {
      const [inserted] = await em.execute<{ id: string }[]>(
        `INSERT INTO ${AUDIT_EVENT} (${AUDIT_EVENT.cols(['organisationId', 'seq', 'at', 'actor', 'actorPersonId', 'action', 'target', 'before', 'after', 'hash', 'prevHash', 'source', 'sourceId', 'receiptId'])})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?) RETURNING ${AUDIT_EVENT.c.id} AS id`,
        [x.organisationId, x.seq, x.at.toISOString(), x.actor, x.actorPersonId, x.action, x.target,
          x.before == null ? null : JSON.stringify(x.before), x.after == null ? null : JSON.stringify(x.after),
          x.hash, x.prevHash, x.source, x.sourceId, x.receiptId],
      );
      return String(inserted.id);
    },

    /** The chain's new head, in the same transaction as the append: what the checkpoint job signs (R-AUDIT-4). */
    async moveHead(chainKey: string, organisationId: string | null, head: { seq: number; hash: string }): Promise<void> {
      await em.execute(
        `INSERT INTO ${AUDIT_CHAIN_HEAD} (${AUDIT_CHAIN_HEAD.cols(['chainKey', 'organisationId', 'seq', 'hash'])}) VALUES (?, ?, ?, ?)
         ON CONFLICT (${h.chainKey}) DO UPDATE SET ${h.seq} = excluded.${h.seq}, ${h.hash} = excluded.${h.hash} WHERE ${AUDIT_CHAIN_HEAD}.${h.seq} < excluded.${h.seq}`,
        [chainKey, organisationId, head.seq, head.hash],
      );
    },

    /**
     * R-AUTH-4: how far back a delivery from `source` may be dated (kit auditDeliveryRefusal): its
     * latest logged event (index audit_event_source_at_idx), or, when the log holds none from it,
     * when the log began (this schema's first migration; MikroORM's table, kit orm.ts).
     */
    async sourceFloor(source: string): Promise<Date | null> {
      const [row] = await em.execute<{ floor: Date | string | null }[]>(
        `SELECT coalesce((SELECT max(${e.at}) FROM ${AUDIT_EVENT} WHERE ${e.source} = ?),
                         (SELECT min(${MIGRATION_LOG.c.executedAt}) FROM ${MIGRATION_LOG})) AS floor`, [source]);
      return row?.floor == null ? null : new Date(row.floor);
    },

    /** Is the access event that started this signing (same set, same digest) in the organisation's log? */
    async hasEvent(organisationId: string | null, match: { action: string; source: string; target: string; digest: string }): Promise<boolean> {
      const [row] = await em.execute<{ n: number }[]>(
        `SELECT 1 AS n FROM ${AUDIT_EVENT} WHERE ${e.organisationId} = ? AND ${e.action} = ? AND ${e.source} = ? AND ${e.target} = ? AND ${e.after}->>'digest' = ? LIMIT 1`,
        [organisationId, match.action, match.source, match.target, match.digest]);
      return Boolean(row);
    },

    async addPending(changeSet: { id: string; digest: string }, organisationId: string | null, event: unknown): Promise<void> {
      await em.execute(`INSERT INTO ${PENDING_AUDIT_EVENT} (${PENDING_AUDIT_EVENT.cols(['changeSetId', 'digest', 'organisationId', 'event'])}) VALUES (?, ?, ?, ?::jsonb)`,
        [changeSet.id, changeSet.digest, organisationId, JSON.stringify(event)]);
    },

    /** Removes and returns the events waiting for this signing, oldest first. */
    async takePending(changeSetId: string, digest: string): Promise<unknown[]> {
      const rows = await em.execute<{ id: string; event: unknown }[]>(
        `DELETE FROM ${PENDING_AUDIT_EVENT} WHERE ${p.changeSetId} = ? AND ${p.digest} = ? RETURNING ${PENDING_AUDIT_EVENT.list(['id', 'event'])}`, [changeSetId, digest]);
      return rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.event);
    },

    /** Removes and returns up to 100 waiting events created before `before` (SKIP LOCKED), oldest first. */
    async takeStalePending(before: Date): Promise<unknown[]> {
      const rows = await em.execute<{ id: string; event: unknown }[]>(
        `DELETE FROM ${PENDING_AUDIT_EVENT} WHERE ${p.id} IN (
           SELECT ${p.id} FROM ${PENDING_AUDIT_EVENT} WHERE ${p.createdAt} < ? ORDER BY ${p.id} LIMIT 100 FOR UPDATE SKIP LOCKED) RETURNING ${PENDING_AUDIT_EVENT.list(['id', 'event'])}`,
        [before.toISOString()]);
      return rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.event);
    },

    /** An organisation's events in chain order (optionally of a period: from inclusive, to exclusive). */
    async chainOf(organisationId: string, period: AuditPeriod = {}): Promise<AuditEventRow[]> {
      const w = periodSql(period);
      return events(`${e.organisationId} = ?${w.sql}`, [organisationId, ...w.params], ` ORDER BY ${e.seq} ASC`);
    },

    /** `Organisation.auditLog`: newest first, one page and the total (R-AUDIT-3 filters: action, period, person). */
    async page(organisationId: string, filter: { action?: string | null } & AuditPeriod & PersonFilter, limit: number, offset: number): Promise<[AuditEventRow[], number]> {
      const w = periodSql(filter);
      const where = `${e.organisationId} = ?${filter.action ? ` AND ${e.action} = ?` : ''}${w.sql}`
        + `${filter.actorPersonId ? ` AND ${e.actorPersonId} = ?` : ''}${filter.aboutPersonId ? ` AND (${e.target} = ? OR ${e.actorPersonId} = ?)` : ''}`;
      const params = [organisationId, ...(filter.action ? [filter.action] : []), ...w.params,
        ...(filter.actorPersonId ? [filter.actorPersonId] : []), ...(filter.aboutPersonId ? [`person:${filter.aboutPersonId}`, filter.aboutPersonId] : [])];
      const [rows, [count]] = await Promise.all([
        events(where, params, ` ORDER BY ${e.seq} DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)}`),
        em.execute<{ n: string }[]>(`SELECT count(*) AS n FROM ${AUDIT_EVENT} WHERE ${where}`, params),
      ]);
      return [rows, Number(count.n)];
    },

    /** Signed checkpoints of an organisation's chain with seq in [fromSeq, toSeq], in seq order. */
    async checkpointsOf(organisationId: string, range: { fromSeq?: number; toSeq?: number } = {}): Promise<StoredCheckpoint[]> {
      return em.execute<StoredCheckpoint[]>(
        `SELECT ${AUDIT_CHECKPOINT.list(['seq', 'hash', 'jws'])} FROM ${AUDIT_CHECKPOINT} WHERE ${cp.organisationId} = ?${range.fromSeq !== undefined ? ` AND ${cp.seq} >= ?` : ''}${range.toSeq !== undefined ? ` AND ${cp.seq} <= ?` : ''} ORDER BY ${cp.seq}`,
        [organisationId, ...(range.fromSeq !== undefined ? [range.fromSeq] : []), ...(range.toSeq !== undefined ? [range.toSeq] : [])]);
    },

    /** Claims up to `limit` chains whose head moved since their last checkpoint (FOR UPDATE SKIP LOCKED; inside a transaction). */
    async claimDueHeads(limit: number, waitForLocks = false): Promise<DueHead[]> {
      return em.execute<DueHead[]>(
        `SELECT ${AUDIT_CHAIN_HEAD.list(['chainKey', 'organisationId', 'seq', 'hash'])} FROM ${AUDIT_CHAIN_HEAD}
         WHERE ${h.seq} > ${h.checkpointedSeq} ORDER BY ${h.chainKey} LIMIT ? FOR UPDATE${waitForLocks ? '' : ' SKIP LOCKED'}`, [limit]);
    },

    /** Stores signed checkpoints and marks their chains checkpointed up to them. */
    async addCheckpoints(rows: readonly (DueHead & { jws: string })[], at: string, kid: string): Promise<void> {
      await em.execute(
        `INSERT INTO ${AUDIT_CHECKPOINT} (${AUDIT_CHECKPOINT.cols(['organisationId', 'seq', 'hash', 'at', 'kid', 'jws'])}) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT DO NOTHING`,
        rows.flatMap((r) => [r.organisationId, r.seq, r.hash, at, kid, r.jws]),
      );
      await em.execute(
        `UPDATE ${AUDIT_CHAIN_HEAD} x SET ${h.checkpointedSeq} = v.seq
         FROM (VALUES ${rows.map(() => '(?::uuid, ?::int)').join(', ')}) AS v(chain_key, seq) WHERE x.${h.chainKey} = v.chain_key`,
        rows.flatMap((r) => [r.chainKey, r.seq]),
      );
    },
  };
}
export type AuditStore = ReturnType<typeof auditStore>;
