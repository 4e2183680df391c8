import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventEntity, type AuditEventRow } from '../entities/audit-event.entity';
import type { JWTVerifyGetKey } from 'jose';
import { link, type ChainEvent } from './audit-chain';
import { verifyCheckpointJws, verifyWithCheckpoints, type AuditVerification, type CheckedCheckpoint } from './audit-checkpoint';

/** An event to append; seq and hashes are assigned here. */
export type NewAuditEvent = Omit<ChainEvent, 'seq'>;

/** The key of an organisation's chain in tables that need a non-null one (nil UUID = no organisation). */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const chainKey = (organisationId: string | null) => organisationId ?? NIL_UUID;

const lockKey = (organisationId: string | null) => `behorig-audit:${organisationId ?? 'none'}`;

/**
 * Appends events to their organisations' chains. MUST run inside a transaction (`em` from
 * `em.transactional`): a per-organisation advisory lock serialises appends to one chain until
 * commit, so two writers never read the same head and fork the chain. Events carrying a
 * (source, sourceId) that is already in the log are skipped: outboxes deliver at least once, the
 * log records each event exactly once.
 */
export async function appendAuditEvents(em: EntityManager, events: readonly NewAuditEvent[]): Promise<{ appended: number; duplicates: number }> {
  if (events.length === 0) return { appended: 0, duplicates: 0 };
  const orgs = [...new Set(events.map((e) => e.organisationId))].sort((a, b) => String(a).localeCompare(String(b)));
  // Fixed lock order across organisations: two batches touching the same chains cannot deadlock.
  for (const org of orgs) await em.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [lockKey(org)]);

  const keyed = events.filter((e) => e.sourceId !== null);
  const seen = new Set<string>();
  if (keyed.length) {
    const rows = await em.execute<{ source: string; source_id: string }[]>(
      `SELECT source, source_id FROM signing.audit_event WHERE (source, source_id) IN (${keyed.map(() => '(?, ?)').join(', ')})`,
      keyed.flatMap((e) => [e.source, e.sourceId]),
    );
    for (const r of rows) seen.add(`${r.source}\u0000${r.source_id}`);
  }

  const heads = new Map<string | null, { seq: number; hash: string } | undefined>();
  for (const org of orgs) {
    const [head] = await em.execute<{ seq: number; hash: string }[]>(
      `SELECT seq, hash FROM signing.audit_event WHERE organisation_id ${org === null ? 'IS NULL' : '= ?'} ORDER BY seq DESC LIMIT 1`,
      org === null ? [] : [org],
    );
    heads.set(org, head);
  }

  let appended = 0;
  let duplicates = 0;
  const moved = new Set<string | null>();
  for (const e of events) {
    if (e.sourceId !== null) {
      const key = `${e.source}\u0000${e.sourceId}`;
      if (seen.has(key)) { duplicates++; continue; }
      seen.add(key);
    }
    const chained = link(heads.get(e.organisationId), e);
    await em.execute(
      `INSERT INTO signing.audit_event (organisation_id, seq, at, actor, actor_person_id, action, target, before, after, hash, prev_hash, source, source_id, receipt_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)`,
      [chained.organisationId, chained.seq, chained.at.toISOString(), chained.actor, chained.actorPersonId, chained.action, chained.target,
        chained.before == null ? null : JSON.stringify(chained.before), chained.after == null ? null : JSON.stringify(chained.after),
        chained.hash, chained.prevHash, chained.source, chained.sourceId, chained.receiptId],
    );
    heads.set(e.organisationId, { seq: chained.seq, hash: chained.hash });
    moved.add(e.organisationId);
    appended++;
  }
  // The chains' new heads, in the same transaction: what the checkpoint job signs (R-AUDIT-4).
  for (const org of moved) {
    const head = heads.get(org)!;
    await em.execute(
      `INSERT INTO signing.audit_chain_head (chain_key, organisation_id, seq, hash) VALUES (?, ?, ?, ?)
       ON CONFLICT (chain_key) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE audit_chain_head.seq < excluded.seq`,
      [chainKey(org), org, head.seq, head.hash],
    );
  }
  return { appended, duplicates };
}

/** Millisecond precision: what a JS Date holds is exactly what timestamptz gives back. */
export const auditInstant = (d: Date = new Date()) => new Date(Math.floor(d.getTime()));

/**
 * R-AUDIT-2/4: an organisation's rows against its chain and, given the keys (`getKey` over the
 * published JWKS), against its signed checkpoints. Checkpoints are trusted only for what their
 * JWS says, never for the plain columns next to it, which a database owner could edit.
 */
export async function verifyAuditChain(em: EntityManager, organisationId: string, getKey?: JWTVerifyGetKey): Promise<AuditVerification> {
  const rows = await em.find(AuditEventEntity, { organisationId }, { orderBy: { seq: 'asc' } });
  const checked: CheckedCheckpoint[] = [];
  if (getKey) {
    const cps = await em.execute<{ seq: number; jws: string }[]>(
      `SELECT seq, jws FROM signing.audit_checkpoint WHERE organisation_id = ? ORDER BY seq`, [organisationId]);
    for (const cp of cps) {
      try {
        const claims = await verifyCheckpointJws(cp.jws, getKey);
        checked.push({ seq: claims.seq, claims });
      } catch {
        checked.push({ seq: cp.seq, claims: null });
      }
    }
  }
  return verifyWithCheckpoints(organisationId, rows.map(toChained), checked);
}

export const toChained = (r: AuditEventRow) => ({
  organisationId: r.organisationId ?? null,
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  actorPersonId: r.actorPersonId ?? null,
  action: r.action,
  target: r.target,
  before: r.before ?? null,
  after: r.after ?? null,
  source: r.source,
  sourceId: r.sourceId ?? null,
  receiptId: r.receiptId ?? null,
  hash: r.hash,
  prevHash: r.prevHash,
});
