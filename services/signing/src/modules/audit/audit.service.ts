import type { EntityManager } from '@mikro-orm/postgresql';
import type { JWTVerifyGetKey } from 'jose';
import { auditStore, type AuditEventRow } from './audit.store';
import { link, type ChainEvent, type ChainedEvent } from './rules/audit-chain';
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
 * log records each event exactly once (R-AUDIT-1).
 */
export async function appendAuditEvents(em: EntityManager, events: readonly NewAuditEvent[]): Promise<{ appended: number; duplicates: number; rows: (NewAuditEvent & { id: string })[] }> {
  if (events.length === 0) return { appended: 0, duplicates: 0, rows: [] };
  const store = auditStore(em);
  const orgs = [...new Set(events.map((e) => e.organisationId))].sort((a, b) => String(a).localeCompare(String(b)));
  // Fixed lock order across organisations: two batches touching the same chains cannot deadlock.
  for (const org of orgs) await store.lockChain(lockKey(org));

  const seen = await store.knownSourceIds(events.filter((e) => e.sourceId !== null).map((e) => ({ source: e.source, sourceId: e.sourceId! })));

  const heads = new Map<string | null, { seq: number; hash: string } | undefined>();
  for (const org of orgs) heads.set(org, await store.head(org));

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
      const waiting = await store.takePending(signingStarted.changeSetId, signingStarted.digest);
      queue.splice(i + 1, 0, ...waiting.map((w) => deserialise(w as SerialisedEvent)));
    }
    const chained = link(heads.get(e.organisationId), e);
    rows.push({ ...e, id: await store.insertEvent(chained) });
    heads.set(e.organisationId, { seq: chained.seq, hash: chained.hash });
    moved.add(e.organisationId);
    appended++;
  }
  for (const org of moved) await store.moveHead(chainKey(org), org, heads.get(org)!);
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
  const store = auditStore(em);
  await store.lockChain(lockKey(e.organisationId));
  const started = await store.hasEvent(e.organisationId, { action: SIGNING_STARTED_ACTION, source: 'access', target: `change_set:${changeSet.id}`, digest: changeSet.digest });
  if (started) {
    await appendAuditEvents(em, [e]);
    return 'appended';
  }
  await store.addPending(changeSet, e.organisationId, serialise(e));
  return 'waiting';
}

/** Waiting events older than this are appended anyway: the log never loses an event to a missing predecessor. */
export const STALE_PENDING_MS = 60_000;

export async function appendStalePendingEvents(em: EntityManager, now: Date, staleMs = STALE_PENDING_MS): Promise<number> {
  return em.transactional(async (tx) => {
    const waiting = await auditStore(tx).takeStalePending(new Date(now.getTime() - staleMs));
    await appendAuditEvents(tx, waiting.map((w) => deserialise(w as SerialisedEvent)));
    return waiting.length;
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
  const store = auditStore(em);
  const rows = await store.chainOf(organisationId);
  const checked: CheckedCheckpoint[] = [];
  if (getKey) {
    for (const cp of await store.checkpointsOf(organisationId)) {
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

/** A stored event as the chain functions see it (no row id). */
export const toChained = (r: AuditEventRow): ChainedEvent => ({
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
