import { randomUUID } from 'node:crypto';
import type { Db } from '@behorig/kit/db';

/** The organisation's open change set id (DRAFT or SIGNING), inside the caller's transaction. */
export async function openChangeSetId(tx: Db, organisationId: string): Promise<string> {
  const [row] = await tx.execute<{ id: string }[]>(`SELECT id FROM access.change_set WHERE organisation_id = ? AND status IN ('DRAFT','SIGNING')`, [organisationId]);
  return row.id;
}

/** R-REV-1: KEEP-only decisions still answer with the organisation's changes to sign; an empty DRAFT is created when there is none. */
export async function ensureOpenChangeSet(tx: Db, organisationId: string): Promise<string> {
  await tx.execute(
    `INSERT INTO access.change_set (id, organisation_id, status) VALUES (?, ?, 'DRAFT') ON CONFLICT (organisation_id) WHERE status IN ('DRAFT','SIGNING') DO NOTHING`,
    [randomUUID(), organisationId]);
  return openChangeSetId(tx, organisationId);
}

/**
 * R-REV-1 at the deadline: the set the review-deadline job made, recorded as applied under its
 * service seal (docs/evidence.md "Service seals"). Its id is derived from the review and its
 * content; the review is closed in the same transaction, so a repeated run cannot make a second
 * one; it never is the organisation's open set.
 */
export async function insertSealedChangeSet(tx: Db, set: { id: string; organisationId: string; digest: string; receiptId: string }): Promise<void> {
  await tx.execute(
    `INSERT INTO access.change_set (id, organisation_id, status, signing_digest, receipt_id, applied_at) VALUES (?, ?, 'APPLIED', ?, ?, now())`,
    [set.id, set.organisationId, set.digest, set.receiptId]);
}
