import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventEntity, type AuditEventRow } from './audit.store';
import type { JWTVerifyGetKey } from 'jose';
import { link, type ChainEvent } from './rules/audit-chain';
import { verifyCheckpointJws, verifyWithCheckpoints, type AuditVerification, type CheckedCheckpoint } from './rules/audit-checkpoint';

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
export async function appendAuditEvents(em: EntityManager, events: readonly NewAuditEvent[]): Promise<{ appended: number; duplicates: number; rows: (NewAuditEvent & { id: string })[] }> {
  if (events.length === 0) return { appended: 0, duplicates: 0, rows: [] };
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
  const rows: (NewAuditEvent & { id: string })[] = [];
  const moved = new Set<string | null>();
  const queue = [...events];
  for (let i = 0; i < queue.length; i++) {
    const e = queue[i];
    if (e.sourceId !== null) {
      const key = `${e.source}\u0000${e.sourceId}`;
      if (seen.has(key)) { duplicates++; continue; }
      seen.add(key);
    }
    // Causal order of a change set: signing's own events that waited for this one follow right after it.
    const signingStarted = startedSigning(e);
    if (signingStarted) {
      const waiting = await em.execute<{ id: string; event: SerialisedEvent }[]>(
        `DELETE FROM signing.pending_audit_event WHERE change_set_id = ? AND digest = ? RETURNING id, event`, [signingStarted.changeSetId, signingStarted.digest]);
      queue.splice(i + 1, 0, ...waiting.sort((a, b) => Number(a.id) - Number(b.id)).map((w) => deserialise(w.event)));
    }
    const chained = link(heads.get(e.organisationId), e);
    const [inserted] = await em.execute<{ id: string }[]>(
      `INSERT INTO signing.audit_event (organisation_id, seq, at, actor, actor_person_id, action, target, before, after, hash, prev_hash, source, source_id, receipt_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?) RETURNING id`,
      [chained.organisationId, chained.seq, chained.at.toISOString(), chained.actor, chained.actorPersonId, chained.action, chained.target,
        chained.before == null ? null : JSON.stringify(chained.before), chained.after == null ? null : JSON.stringify(chained.after),
        chained.hash, chained.prevHash, chained.source, chained.sourceId, chained.receiptId],
    );
    heads.set(e.organisationId, { seq: chained.seq, hash: chained.hash });
    moved.add(e.organisationId);
    rows.push({ ...e, id: String(inserted.id) });
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
  return { appended, duplicates, rows };
}

/** The access event that opens the signing of a change set (its outbox action). */
export const SIGNING_STARTED_ACTION = 'access.changes.signing_started';

function startedSigning(e: NewAuditEvent): { changeSetId: string; digest: string } | null {
  if (e.source !== 'access' || e.action !== SIGNING_STARTED_ACTION) return null;
  const after = e.after as { changeSetId?: unknown; digest?: unknown } | null;
  return typeof after?.changeSetId === 'string' && typeof after.digest === 'string' ? { changeSetId: after.changeSetId, digest: after.digest } : null;
}

type SerialisedEvent = Omit<NewAuditEvent, 'at'> & { at: string };
const serialise = (e: NewAuditEvent): SerialisedEvent => ({ ...e, at: e.at.toISOString() });
const deserialise = (e: SerialisedEvent): NewAuditEvent => ({ ...e, at: new Date(e.at) });

/**
 * R-AUDIT-4, causal order: signing's own event about a change set (`changes.signed`) goes into the
 * chain only after the access event that started that signing (same set, same digest), so the
 * log reads proposed → signing started → signed → applied although the two services deliver
 * independently. When that event is not in the log yet (access's outbox relays it shortly), the
 * event waits in signing.pending_audit_event and is appended right after it arrives — or, should
 * it never come, by the checkpoint job after STALE_PENDING_MS. MUST run inside a transaction.
 */
export async function appendAfterSigningStarted(em: EntityManager, changeSet: { id: string; digest: string }, e: NewAuditEvent): Promise<'appended' | 'waiting'> {
  await em.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [lockKey(e.organisationId)]);
  const [started] = await em.execute<{ n: number }[]>(
    `SELECT 1 AS n FROM signing.audit_event WHERE organisation_id = ? AND action = ? AND source = 'access' AND target = ? AND after->>'digest' = ? LIMIT 1`,
    [e.organisationId, SIGNING_STARTED_ACTION, `change_set:${changeSet.id}`, changeSet.digest]);
  if (started) {
    await appendAuditEvents(em, [e]);
    return 'appended';
  }
  await em.execute(`INSERT INTO signing.pending_audit_event (change_set_id, digest, organisation_id, event) VALUES (?, ?, ?, ?::jsonb)`,
    [changeSet.id, changeSet.digest, e.organisationId, JSON.stringify(serialise(e))]);
  return 'waiting';
}

/** Waiting events older than this are appended anyway: the log never loses an event to a missing predecessor. */
export const STALE_PENDING_MS = 60_000;

export async function appendStalePendingEvents(em: EntityManager, now: Date, staleMs = STALE_PENDING_MS): Promise<number> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string; event: SerialisedEvent }[]>(
      `DELETE FROM signing.pending_audit_event WHERE id IN (
         SELECT id FROM signing.pending_audit_event WHERE created_at < ? ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED) RETURNING id, event`,
      [new Date(now.getTime() - staleMs).toISOString()]);
    await appendAuditEvents(tx, rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => deserialise(r.event)));
    return rows.length;
  });
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
