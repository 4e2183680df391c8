import { randomUUID } from 'node:crypto';
import { byIdLoader, childrenLoader, defineTable, placeholders, toDate, type Db } from '@behorig/kit/db';
import type { ChangeSetStatus } from './rules/change-set.rules';

/**
 * R-SIGN-1: an organisation's changes to sign (`change_set`, at most one open per organisation) and
 * the proposed changes in it (`pending_change`); a set is applied exactly once after a completed
 * signature (R-SIGN-4).
 */
export const CHANGE_SET = defineTable('access.change_set', [
  'id', 'organisation_id', 'status', 'signing_digest', 'order_ref', 'receipt_id',
  'signer_personal_number_hash', 'signer_personal_number_enc', 'applied_at', 'created_at',
]);
export const PENDING_CHANGE = defineTable('access.pending_change', [
  'id', 'change_set_id', 'kind', 'person_id', 'personal_number_hash', 'personal_number_enc', 'given_name', 'surname', 'birth_date',
  'email', 'role_codes', 'unit_ids', 'school_form_codes', 'unit_grants', 'valid_from', 'valid_to', 'base_version', 'created_at', 'role_periods',
]);

export type { ChangeSetStatus };

export interface ChangeSetRow {
  id: string;
  organisationId: string;
  status: ChangeSetStatus;
  /** The digest handed to signing when signing started; the receipt must carry exactly this. */
  signingDigest: string | null;
  orderRef: string | null;
  receiptId: string | null;
  signerPersonalNumberHash: string | null;
  signerPersonalNumberEnc: string | null;
  appliedAt: Date | null;
  createdAt: Date;
}

/** Per unit: its school forms (null = all) and offices (absent/null = all, R-USR-2 level two). */
export interface UnitGrantValue { unitId: string; schoolFormCodes: string[] | null; addressIds?: string[] | null }

/** One proposed change: the person's complete intended state in the organisation (or their removal). */
export interface PendingChangeRow {
  id: string;
  changeSetId: string;
  kind: 'NEW' | 'CHANGED' | 'REMOVED';
  /** Null for a NEW person not yet known here: the person row is created when the set is applied. */
  personId: string | null;
  /** Sealed (migration 003); `openChanges` gives the number back for the digest and signing text. */
  personalNumberHash: string;
  personalNumberEnc: string;
  givenName: string;
  surname: string;
  birthDate: string;
  email: string | null;
  roleCodes: string[];
  unitIds: string[];
  schoolFormCodes: string[] | null;
  unitGrants: UnitGrantValue[];
  validFrom: string;
  validTo: string | null;
  /** The membership version this change was proposed against (null for NEW people); stale when it moved on. */
  baseVersion: number | null;
  createdAt: Date;
  /** R-REV-1: each role's own period when an access review made the change (null = every role gets validFrom…validTo). */
  rolePeriods: RolePeriods | null;
}

/** R-REV-1: role code → that role's period in a reviewed change. */
export type RolePeriods = Record<string, { validFrom: string; validTo: string | null }>;

/** What a proposal writes: everything of the change but its set, id and base version. */
export type ChangeFields = Omit<PendingChangeRow, 'id' | 'changeSetId' | 'createdAt' | 'baseVersion' | 'rolePeriods'> & { rolePeriods?: RolePeriods | null };

interface ChangeSetRecord {
  id: string; organisation_id: string; status: ChangeSetStatus; signing_digest: string | null; order_ref: string | null; receipt_id: string | null;
  signer_personal_number_hash: string | null; signer_personal_number_enc: string | null; applied_at: string | Date | null; created_at: string | Date;
}
interface PendingChangeRecord {
  id: string; change_set_id: string; kind: PendingChangeRow['kind']; person_id: string | null; personal_number_hash: string; personal_number_enc: string;
  given_name: string; surname: string; birth_date: string; email: string | null; role_codes: string[]; unit_ids: string[]; school_form_codes: string[] | null;
  unit_grants: UnitGrantValue[]; valid_from: string; valid_to: string | null; base_version: number | null; created_at: string | Date; role_periods: RolePeriods | null;
}

const toChangeSetRow = (r: ChangeSetRecord): ChangeSetRow => ({
  id: r.id, organisationId: r.organisation_id, status: r.status, signingDigest: r.signing_digest, orderRef: r.order_ref, receiptId: r.receipt_id,
  signerPersonalNumberHash: r.signer_personal_number_hash, signerPersonalNumberEnc: r.signer_personal_number_enc,
  appliedAt: r.applied_at === null ? null : toDate(r.applied_at), createdAt: toDate(r.created_at),
});
const toPendingChangeRow = (r: PendingChangeRecord): PendingChangeRow => ({
  id: r.id, changeSetId: r.change_set_id, kind: r.kind, personId: r.person_id, personalNumberHash: r.personal_number_hash, personalNumberEnc: r.personal_number_enc,
  givenName: r.given_name, surname: r.surname, birthDate: r.birth_date, email: r.email, roleCodes: r.role_codes, unitIds: r.unit_ids,
  schoolFormCodes: r.school_form_codes, unitGrants: r.unit_grants, validFrom: r.valid_from, validTo: r.valid_to, baseVersion: r.base_version, createdAt: toDate(r.created_at), rolePeriods: r.role_periods ?? null,
});

const SELECT_SET = `SELECT ${CHANGE_SET.list()} FROM access.change_set`;
const SELECT_CHANGE = `SELECT ${PENDING_CHANGE.list()} FROM access.pending_change`;
const OPEN = `status IN ('DRAFT','SIGNING')`;

/** Request-scoped loaders: one statement per batch. */
export function createChangeLoaders(db: Db) {
  return {
    changeSet: byIdLoader<ChangeSetRow>(async (ids) => (await db.execute<ChangeSetRecord[]>(`${SELECT_SET} WHERE id IN (${placeholders(ids)})`, [...ids])).map(toChangeSetRow), (c) => c.id),
    openChangeSetByOrganisation: byIdLoader<ChangeSetRow>(async (ids) => (await db.execute<ChangeSetRecord[]>(
      `${SELECT_SET} WHERE organisation_id IN (${placeholders(ids)}) AND ${OPEN}`, [...ids])).map(toChangeSetRow), (c) => c.organisationId),
    changesBySet: childrenLoader<PendingChangeRow>(async (ids) => (await db.execute<PendingChangeRecord[]>(
      `${SELECT_CHANGE} WHERE change_set_id IN (${placeholders(ids)}) ORDER BY created_at, id`, [...ids])).map(toPendingChangeRow), (c) => c.changeSetId),
  };
}

export async function findChangeSet(db: Db, id: string): Promise<ChangeSetRow | null> {
  const [row] = await db.execute<ChangeSetRecord[]>(`${SELECT_SET} WHERE id = ?`, [id]);
  return row ? toChangeSetRow(row) : null;
}

/** The organisation's open set (DRAFT or SIGNING), created when missing, locked for the caller's transaction. */
export async function lockOpenSet(db: Db, organisationId: string): Promise<{ id: string; status: 'DRAFT' | 'SIGNING'; orderRef: string | null; signingDigest: string | null }> {
  await db.execute(
    `INSERT INTO access.change_set (id, organisation_id, status) VALUES (?, ?, 'DRAFT')
     ON CONFLICT (organisation_id) WHERE ${OPEN} DO NOTHING`,
    [randomUUID(), organisationId]);
  const [row] = await db.execute<{ id: string; status: 'DRAFT' | 'SIGNING'; order_ref: string | null; signing_digest: string | null }[]>(
    `SELECT id, status, order_ref, signing_digest FROM access.change_set WHERE organisation_id = ? AND ${OPEN} FOR UPDATE`, [organisationId]);
  return { id: row.id, status: row.status, orderRef: row.order_ref, signingDigest: row.signing_digest };
}

/** The organisation's open set, when there is one, locked for the caller's transaction (no set is created). */
export async function lockExistingOpenSet(db: Db, organisationId: string): Promise<{ id: string; status: 'DRAFT' | 'SIGNING' } | null> {
  const [row] = await db.execute<{ id: string; status: 'DRAFT' | 'SIGNING' }[]>(
    `SELECT id, status FROM access.change_set WHERE organisation_id = ? AND ${OPEN} FOR UPDATE`, [organisationId]);
  return row ?? null;
}

/** The id of the organisation's open set, unlocked. */
export async function openSetId(db: Db, organisationId: string): Promise<string | null> {
  const [row] = await db.execute<{ id: string }[]>(`SELECT id FROM access.change_set WHERE organisation_id = ? AND ${OPEN}`, [organisationId]);
  return row?.id ?? null;
}

/** A set being signed goes back to DRAFT: its signing no longer covers the changes (R-SIGN-4). */
export async function returnToDraft(db: Db, id: string): Promise<void> {
  await db.execute(`UPDATE access.change_set SET status = 'DRAFT', signing_digest = NULL, order_ref = NULL WHERE id = ?`, [id]);
}

/**
 * R-SIGN-7: back to DRAFT only while that very signing is under way (same digest, same order or
 * none recorded yet). Returns the set's organisation when it did, null otherwise.
 */
export async function returnToDraftIfSigning(db: Db, id: string, digest: string, orderRef: string | null): Promise<{ id: string; organisationId: string } | null> {
  const orderCheck = orderRef === null ? '' : ' AND (order_ref IS NULL OR order_ref = ?)';
  const [row] = await db.execute<{ id: string; organisation_id: string }[]>(
    `UPDATE access.change_set SET status = 'DRAFT', signing_digest = NULL${orderRef === null ? '' : ', order_ref = NULL'}
      WHERE id = ? AND status = 'SIGNING' AND signing_digest = ?${orderCheck} RETURNING id, organisation_id`,
    orderRef === null ? [id, digest] : [id, digest, orderRef]);
  return row ? { id: row.id, organisationId: row.organisation_id } : null;
}

/** R-SIGN-2: the set's digest is frozen and it is being signed. */
export async function startSigning(db: Db, id: string, digest: string): Promise<void> {
  await db.execute(`UPDATE access.change_set SET status = 'SIGNING', signing_digest = ? WHERE id = ?`, [digest, id]);
}

export async function recordOrderRef(db: Db, id: string, orderRef: string): Promise<void> {
  await db.execute(`UPDATE access.change_set SET order_ref = ? WHERE id = ? AND status = 'SIGNING'`, [orderRef, id]);
}

/** The set to apply, locked for the caller's transaction. */
export async function lockSetForApply(db: Db, id: string): Promise<{ id: string; organisationId: string; status: ChangeSetStatus; signingDigest: string | null; receiptId: string | null } | null> {
  const [row] = await db.execute<{ id: string; organisation_id: string; status: ChangeSetStatus; signing_digest: string | null; receipt_id: string | null }[]>(
    `SELECT id, organisation_id, status, signing_digest, receipt_id FROM access.change_set WHERE id = ? FOR UPDATE`, [id]);
  return row ? { id: row.id, organisationId: row.organisation_id, status: row.status, signingDigest: row.signing_digest, receiptId: row.receipt_id } : null;
}

export async function markApplied(db: Db, id: string, receiptId: string, signer: { personalNumberHash: string; personalNumberEnc: string }): Promise<void> {
  await db.execute(
    `UPDATE access.change_set SET status = 'APPLIED', receipt_id = ?, signer_personal_number_hash = ?, signer_personal_number_enc = ?, applied_at = now() WHERE id = ?`,
    [receiptId, signer.personalNumberHash, signer.personalNumberEnc, id]);
}

export async function findPendingChange(db: Db, id: string): Promise<PendingChangeRow | null> {
  const [row] = await db.execute<PendingChangeRecord[]>(`${SELECT_CHANGE} WHERE id = ?`, [id]);
  return row ? toPendingChangeRow(row) : null;
}

/** The pending change of one person (by the keyed hash of their number) in a set. */
export async function findPendingChangeOf(db: Db, changeSetId: string, personalNumberHash: string): Promise<PendingChangeRow | null> {
  const [row] = await db.execute<PendingChangeRecord[]>(`${SELECT_CHANGE} WHERE change_set_id = ? AND personal_number_hash = ?`, [changeSetId, personalNumberHash]);
  return row ? toPendingChangeRow(row) : null;
}

/** The changes of a set in the order they were proposed (inside the caller's transaction). */
export async function changesOf(db: Db, changeSetId: string): Promise<PendingChangeRow[]> {
  return (await db.execute<PendingChangeRecord[]>(`${SELECT_CHANGE} WHERE change_set_id = ? ORDER BY created_at, id`, [changeSetId])).map(toPendingChangeRow);
}

export async function deletePendingChange(db: Db, id: string): Promise<void> {
  await db.execute(`DELETE FROM access.pending_change WHERE id = ?`, [id]);
}

/** Proposals are ordered by when they were made, also several in one transaction (clock time, not the transaction's). */
export async function insertPendingChange(db: Db, changeSetId: string, fields: ChangeFields, baseVersion: number | null, id: string = randomUUID()): Promise<PendingChangeRow> {
  const [row] = await db.execute<PendingChangeRecord[]>(
    `INSERT INTO access.pending_change (id, change_set_id, kind, person_id, personal_number_hash, personal_number_enc, given_name, surname, birth_date,
       email, role_codes, unit_ids, school_form_codes, unit_grants, valid_from, valid_to, base_version, created_at, role_periods)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, clock_timestamp(), ?::jsonb) RETURNING ${PENDING_CHANGE.list()}`,
    [id, changeSetId, fields.kind, fields.personId, fields.personalNumberHash, fields.personalNumberEnc, fields.givenName, fields.surname, fields.birthDate,
      fields.email, JSON.stringify(fields.roleCodes), JSON.stringify(fields.unitIds), fields.schoolFormCodes === null ? null : JSON.stringify(fields.schoolFormCodes),
      JSON.stringify(fields.unitGrants), fields.validFrom, fields.validTo, baseVersion, fields.rolePeriods ? JSON.stringify(fields.rolePeriods) : null]);
  return toPendingChangeRow(row);
}

/**
 * Pending changes of a set that must not be applied any more: proposed against a membership version
 * that has moved on (or a membership that is gone), or NEW for someone who became a member meanwhile.
 */
export async function staleChanges(db: Db, organisationId: string, changeSetId: string): Promise<{ id: string; givenName: string; surname: string }[]> {
  const rows = await db.execute<{ id: string; given_name: string; surname: string }[]>(
    `SELECT pc.id, pc.given_name, pc.surname FROM access.pending_change pc
       LEFT JOIN access.person p ON p.personal_number_hash = pc.personal_number_hash
       LEFT JOIN access.membership m ON m.person_id = p.id AND m.organisation_id = ?
      WHERE pc.change_set_id = ?
        AND ((pc.base_version IS NOT NULL AND (m.id IS NULL OR m.version <> pc.base_version)) OR (pc.kind = 'NEW' AND m.id IS NOT NULL))`,
    [organisationId, changeSetId]);
  return rows.map((r) => ({ id: r.id, givenName: r.given_name, surname: r.surname }));
}
