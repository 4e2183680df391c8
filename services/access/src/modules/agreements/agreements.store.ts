import { byIdLoader, defineTable, placeholders, toDate, type Db } from '@behorig/kit/db';
import type { AgreementStatus } from './rules/last-administrator.rules';

/** R-AGR-1/2: one access agreement per organisation, naming its starting permission administrator. */
export const AGREEMENT = defineTable('access.agreement', [
  'id', 'organisation_id', 'status', 'received_on', 'activate_by', 'activated_at',
  'admin_personal_number_hash', 'admin_personal_number_enc', 'admin_given_name', 'admin_surname', 'admin_email', 'created_at',
]);

export type AgreementStatusValue = AgreementStatus;

export interface AgreementRow {
  id: string;
  organisationId: string;
  status: AgreementStatusValue;
  receivedOn: string;
  activateBy: string;
  activatedAt: Date | null;
  /** Sealed (migration 003). */
  adminPersonalNumberHash: string;
  adminPersonalNumberEnc: string;
  adminGivenName: string;
  adminSurname: string;
  adminEmail: string | null;
  createdAt: Date;
}

interface AgreementRecord {
  id: string; organisation_id: string; status: AgreementStatusValue; received_on: string; activate_by: string; activated_at: string | Date | null;
  admin_personal_number_hash: string; admin_personal_number_enc: string; admin_given_name: string; admin_surname: string; admin_email: string | null; created_at: string | Date;
}

const toAgreementRow = (r: AgreementRecord): AgreementRow => ({
  id: r.id, organisationId: r.organisation_id, status: r.status, receivedOn: r.received_on, activateBy: r.activate_by,
  activatedAt: r.activated_at === null ? null : toDate(r.activated_at),
  adminPersonalNumberHash: r.admin_personal_number_hash, adminPersonalNumberEnc: r.admin_personal_number_enc,
  adminGivenName: r.admin_given_name, adminSurname: r.admin_surname, adminEmail: r.admin_email, createdAt: toDate(r.created_at),
});

const SELECT_AGREEMENT = `SELECT ${AGREEMENT.list()} FROM access.agreement`;
const RETURNING = `RETURNING ${AGREEMENT.list()}`;

/** Request-scoped loaders: one statement per batch. */
export function createAgreementLoaders(db: Db) {
  return {
    agreement: byIdLoader<AgreementRow>(async (ids) => (await db.execute<AgreementRecord[]>(`${SELECT_AGREEMENT} WHERE id IN (${placeholders(ids)})`, [...ids])).map(toAgreementRow), (a) => a.id),
    agreementByOrganisation: byIdLoader<AgreementRow>(async (ids) => (await db.execute<AgreementRecord[]>(`${SELECT_AGREEMENT} WHERE organisation_id IN (${placeholders(ids)})`, [...ids])).map(toAgreementRow), (a) => a.organisationId),
  };
}

export async function findAgreement(db: Db, id: string): Promise<AgreementRow | null> {
  const [row] = await db.execute<AgreementRecord[]>(`${SELECT_AGREEMENT} WHERE id = ?`, [id]);
  return row ? toAgreementRow(row) : null;
}

export async function findAgreementOfOrganisation(db: Db, organisationId: string): Promise<AgreementRow | null> {
  const [row] = await db.execute<AgreementRecord[]>(`${SELECT_AGREEMENT} WHERE organisation_id = ?`, [organisationId]);
  return row ? toAgreementRow(row) : null;
}

export interface ReceivedAgreement {
  receivedOn: string; activateBy: string; adminPersonalNumberHash: string; adminPersonalNumberEnc: string;
  adminGivenName: string; adminSurname: string; adminEmail: string | null;
}

export async function insertAgreement(db: Db, id: string, organisationId: string, status: AgreementStatusValue, a: ReceivedAgreement): Promise<AgreementRow> {
  const [row] = await db.execute<AgreementRecord[]>(
    `INSERT INTO access.agreement (id, organisation_id, status, received_on, activate_by, activated_at, admin_personal_number_hash, admin_personal_number_enc, admin_given_name, admin_surname, admin_email)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?) ${RETURNING}`,
    [id, organisationId, status, a.receivedOn, a.activateBy, a.adminPersonalNumberHash, a.adminPersonalNumberEnc, a.adminGivenName, a.adminSurname, a.adminEmail]);
  return toAgreementRow(row);
}

/** A new agreement received for an organisation that has one: its fields replaced, not yet activated. */
export async function replaceAgreement(db: Db, id: string, status: AgreementStatusValue, a: ReceivedAgreement): Promise<AgreementRow> {
  const [row] = await db.execute<AgreementRecord[]>(
    `UPDATE access.agreement SET status = ?, received_on = ?, activate_by = ?, activated_at = NULL, admin_personal_number_hash = ?, admin_personal_number_enc = ?,
            admin_given_name = ?, admin_surname = ?, admin_email = ? WHERE id = ? ${RETURNING}`,
    [status, a.receivedOn, a.activateBy, a.adminPersonalNumberHash, a.adminPersonalNumberEnc, a.adminGivenName, a.adminSurname, a.adminEmail, id]);
  return toAgreementRow(row);
}

export async function markActivated(db: Db, id: string, status: AgreementStatusValue): Promise<AgreementRow> {
  const [row] = await db.execute<AgreementRecord[]>(`UPDATE access.agreement SET status = ?, activated_at = now() WHERE id = ? ${RETURNING}`, [status, id]);
  return toAgreementRow(row);
}
