import { createHash } from 'node:crypto';

/**
 * The tamper-evident audit chain (R-AUDIT-2), as plain functions: no ORM, no GraphQL.
 *
 * Each organisation has its own chain. An event's hash is `SHA-256(prevHash ‖ canonical event)`
 * where the canonical event is JSON with keys sorted at every level, so the same event always
 * hashes the same however PostgreSQL's jsonb reorders keys. The first event of a chain links to
 * GENESIS. Editing, deleting or reordering any row breaks the chain at that row's seq.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEvent {
  organisationId: string | null;
  seq: number;
  at: Date;
  actor: string;
  actorPersonId: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  source: string;
  sourceId: string | null;
  receiptId: string | null;
}

export interface ChainedEvent extends ChainEvent {
  hash: string;
  prevHash: string;
}

/** JSON with object keys sorted recursively; undefined becomes null so absent and null hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hashed content of an event: every field except the hashes themselves. */
export function canonicalEvent(e: ChainEvent): string {
  return canonicalJson({
    organisationId: e.organisationId,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actor,
    actorPersonId: e.actorPersonId,
    action: e.action,
    target: e.target,
    before: e.before ?? null,
    after: e.after ?? null,
    source: e.source,
    sourceId: e.sourceId,
    receiptId: e.receiptId,
  });
}

export function chainHash(prevHash: string, e: ChainEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalEvent(e)).digest('hex');
}

/** Appends `e` after `head` (undefined = empty chain). */
export function link(head: { seq: number; hash: string } | undefined, e: Omit<ChainEvent, 'seq'>): ChainedEvent {
  const seq = head ? head.seq + 1 : 1;
  const prevHash = head ? head.hash : GENESIS_HASH;
  const event = { ...e, seq };
  return { ...event, prevHash, hash: chainHash(prevHash, event) };
}

/**
 * Why a chain does not verify (R-AUDIT-4), as stable codes the UI and the offline verifier name:
 * - ROW_EDITED: a row's content no longer matches its own hash.
 * - ROW_MISSING: a seq is missing (a row was deleted).
 * - ROW_INSERTED: a seq appears twice or out of order (a row was slipped in).
 * - LINK_BROKEN: a row does not link to the hash of the row before it (that row was replaced or rehashed).
 * - RECHAINED: the rows form a consistent chain, but not the one a signed checkpoint recorded.
 * - TRUNCATED: a signed checkpoint names a seq beyond the last row (the tail was removed).
 * - CHECKPOINT_INVALID: a checkpoint's signature or content does not verify.
 */
export type AuditBreakReason = 'ROW_EDITED' | 'ROW_MISSING' | 'ROW_INSERTED' | 'LINK_BROKEN' | 'RECHAINED' | 'TRUNCATED' | 'CHECKPOINT_INVALID';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first seq whose row no longer matches the chain (edited, missing predecessor, relinked). */
  firstBrokenSeq: number | null;
  reason: AuditBreakReason | null;
}

/**
 * Recomputes the chain in seq order; stops at the first row that does not fit. `start` lets a
 * partial export (a period) be checked from its first row's predecessor instead of genesis.
 */
export function verifyChain(rows: readonly ChainedEvent[], start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH }): ChainVerification {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  let prev = start.prevHash;
  let expectedSeq = start.seq;
  let checked = 0;
  const broken = (seq: number, reason: AuditBreakReason): ChainVerification => ({ ok: false, checked, firstBrokenSeq: seq, reason });
  for (const row of sorted) {
    checked++;
    if (row.seq < expectedSeq) return broken(row.seq, 'ROW_INSERTED');
    if (row.seq > expectedSeq) return broken(expectedSeq, 'ROW_MISSING');
    if (chainHash(row.prevHash, row) !== row.hash) {
      // A row renumbered by one, content untouched: something was slipped in before it, or taken out.
      if (chainHash(row.prevHash, { ...row, seq: row.seq - 1 }) === row.hash) return broken(row.seq - 1, 'ROW_INSERTED');
      if (chainHash(row.prevHash, { ...row, seq: row.seq + 1 }) === row.hash) return broken(row.seq, 'ROW_MISSING');
      return broken(row.seq, 'ROW_EDITED');
    }
    if (row.prevHash !== prev) return broken(row.seq, 'LINK_BROKEN');
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
