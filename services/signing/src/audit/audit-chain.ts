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

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first seq whose row no longer matches the chain (edited, missing predecessor, relinked). */
  firstBrokenSeq: number | null;
}

/** Recomputes the chain in seq order; stops at the first row that does not fit. */
export function verifyChain(rows: readonly ChainedEvent[]): ChainVerification {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of sorted) {
    checked++;
    const broken = row.seq !== expectedSeq || row.prevHash !== prev || chainHash(prev, row) !== row.hash;
    if (broken) return { ok: false, checked, firstBrokenSeq: row.seq !== expectedSeq ? expectedSeq : row.seq };
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, checked, firstBrokenSeq: null };
}
