import { randomUUID } from 'node:crypto';
import { childrenLoader } from '@behorig/kit/db';
import { isUuid } from '@behorig/kit/errors';
import { assignments, columnList, textOrNull, toDate, type Db, type RawRow } from '../shared/db';
import type { AccountReviewStatus, PaymentAccountType } from './rules/payment-account.rules';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const contactPersonColumns = ['id', 'organisation_id', 'given_name', 'surname', 'email', 'phone1', 'phone2', 'admin_contact', 'created_at', 'updated_at', 'updated_by'] as const;
export const paymentAccountColumns = ['id', 'organisation_id', 'type', 'number', 'review_status', 'is_default', 'created_at', 'updated_at', 'updated_by'] as const;
export const tables = { contact_person: contactPersonColumns, payment_account: paymentAccountColumns } as const;

/** An organisation's contact person (R-ORG-1). `updatedBy` is a display label, never a personal number. */
export interface ContactPersonRow {
  id: string;
  organisationId: string;
  givenName: string;
  surname: string;
  email: string | null;
  phone1: string | null;
  phone2: string | null;
  adminContact: boolean;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}
export type ContactPersonData = Pick<ContactPersonRow, 'givenName' | 'surname' | 'email' | 'phone1' | 'phone2' | 'adminContact' | 'updatedBy'>;

/** A bankgiro or plusgiro account of an organisation (R-ORG-1); exactly one is the default. */
export interface PaymentAccountRow {
  id: string;
  organisationId: string;
  type: PaymentAccountType;
  number: string;
  reviewStatus: AccountReviewStatus;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}
export type PaymentAccountData = Pick<PaymentAccountRow, 'type' | 'number' | 'reviewStatus' | 'isDefault' | 'updatedBy'>;

const toContactPerson = (r: RawRow<typeof contactPersonColumns>): ContactPersonRow => ({
  id: String(r.id),
  organisationId: String(r.organisation_id),
  givenName: String(r.given_name),
  surname: String(r.surname),
  email: textOrNull(r.email),
  phone1: textOrNull(r.phone1),
  phone2: textOrNull(r.phone2),
  adminContact: Boolean(r.admin_contact),
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
  updatedBy: String(r.updated_by),
});
const toPaymentAccount = (r: RawRow<typeof paymentAccountColumns>): PaymentAccountRow => ({
  id: String(r.id),
  organisationId: String(r.organisation_id),
  type: r.type as PaymentAccountType,
  number: String(r.number),
  reviewStatus: r.review_status as AccountReviewStatus,
  isDefault: Boolean(r.is_default),
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
  updatedBy: String(r.updated_by),
});

const CONTACT = columnList(contactPersonColumns);
const ACCOUNT = columnList(paymentAccountColumns);
const contactColumnOf: Record<keyof ContactPersonData, string> = { givenName: 'given_name', surname: 'surname', email: 'email', phone1: 'phone1', phone2: 'phone2', adminContact: 'admin_contact', updatedBy: 'updated_by' };
const accountColumnOf: Record<keyof PaymentAccountData, string> = { type: 'type', number: 'number', reviewStatus: 'review_status', isDefault: 'is_default', updatedBy: 'updated_by' };

/** All SQL of contact persons and payment accounts (R-ORG-1); one statement per DataLoader batch. */
export function createContactStore(db: Db) {
  const contacts = async (where: string, params: unknown[], tail = '') =>
    (await db.execute<RawRow<typeof contactPersonColumns>[]>(`SELECT ${CONTACT} FROM organisations.contact_person WHERE ${where} ${tail}`, params)).map(toContactPerson);
  const accounts = async (where: string, params: unknown[], tail = '') =>
    (await db.execute<RawRow<typeof paymentAccountColumns>[]>(`SELECT ${ACCOUNT} FROM organisations.payment_account WHERE ${where} ${tail}`, params)).map(toPaymentAccount);

  return {
    contactPersonsByOrganisation: childrenLoader<ContactPersonRow>(
      (ids) => contacts('organisation_id IN (?)', [[...ids]], 'ORDER BY surname, given_name, id'),
      (c) => c.organisationId,
    ),
    // The default account first, so clients can show it on top without sorting.
    paymentAccountsByOrganisation: childrenLoader<PaymentAccountRow>(
      (ids) => accounts('organisation_id IN (?)', [[...ids]], 'ORDER BY is_default DESC, created_at, id'),
      (a) => a.organisationId,
    ),

    /** Ids that are not UUIDs name no contact person. */
    async contactPerson(id: string, { lock = false } = {}): Promise<ContactPersonRow | null> {
      return isUuid(id) ? (await contacts('id = ?', [id], lock ? 'FOR UPDATE' : ''))[0] ?? null : null;
    },

    async insertContactPerson(organisationId: string, data: ContactPersonData & { id?: string }): Promise<ContactPersonRow> {
      const fields = Object.keys(contactColumnOf) as (keyof ContactPersonData)[];
      const [row] = await db.execute<RawRow<typeof contactPersonColumns>[]>(
        `INSERT INTO organisations.contact_person (id, organisation_id, ${fields.map((f) => contactColumnOf[f]).join(', ')}) VALUES (?, ?, ${fields.map(() => '?').join(', ')}) RETURNING ${CONTACT}`,
        [data.id ?? randomUUID(), organisationId, ...fields.map((f) => data[f])],
      );
      return toContactPerson(row);
    },

    /** Writes only what changed; `updated_at` moves only then. */
    async updateContactPerson(id: string, changes: Partial<ContactPersonData>): Promise<ContactPersonRow> {
      const { set, bindings } = assignments(changes, contactColumnOf);
      const [row] = set
        ? await db.execute<RawRow<typeof contactPersonColumns>[]>(`UPDATE organisations.contact_person SET ${set}, updated_at = now() WHERE id = ? RETURNING ${CONTACT}`, [...bindings, id])
        : await db.execute<RawRow<typeof contactPersonColumns>[]>(`SELECT ${CONTACT} FROM organisations.contact_person WHERE id = ?`, [id]);
      return toContactPerson(row);
    },

    /** Deletes the contact person and returns it as it was, or null when it is already gone. */
    async removeContactPerson(id: string): Promise<ContactPersonRow | null> {
      const [row] = await db.execute<RawRow<typeof contactPersonColumns>[]>(`DELETE FROM organisations.contact_person WHERE id = ? RETURNING ${CONTACT}`, [id]);
      return row ? toContactPerson(row) : null;
    },

    /** Ids that are not UUIDs name no payment account. */
    async paymentAccount(id: string, { lock = false } = {}): Promise<PaymentAccountRow | null> {
      return isUuid(id) ? (await accounts('id = ?', [id], lock ? 'FOR UPDATE' : ''))[0] ?? null : null;
    },

    /** Every account of the organisation as it is now (not the request's DataLoader, which may be older). */
    paymentAccountsOf: (organisationId: string) => accounts('organisation_id = ?', [organisationId]),

    async accountNumberTaken(organisationId: string, type: PaymentAccountType, number: string, exceptId: string): Promise<boolean> {
      const [{ n }] = await db.execute<{ n: string }[]>(
        `SELECT count(*) AS n FROM organisations.payment_account WHERE organisation_id = ? AND type = ? AND number = ? AND id <> ?`,
        [organisationId, type, number, exceptId],
      );
      return Number(n) > 0;
    },

    /**
     * Clears the organisation's current default and returns its id (null when there was none).
     * Its own statement before the new default is written: the partial unique index allows one
     * default per organisation at any moment, even inside a transaction (R-ORG-1).
     */
    async clearDefault(organisationId: string): Promise<string | null> {
      const [row] = await db.execute<{ id: string }[]>(
        `UPDATE organisations.payment_account SET is_default = false, updated_at = now() WHERE organisation_id = ? AND is_default RETURNING id`, [organisationId]);
      return row?.id ?? null;
    },

    async insertPaymentAccount(organisationId: string, data: PaymentAccountData & { id?: string; createdAt?: Date; updatedAt?: Date }): Promise<PaymentAccountRow> {
      const fields = Object.keys(accountColumnOf) as (keyof PaymentAccountData)[];
      const [row] = await db.execute<RawRow<typeof paymentAccountColumns>[]>(
        `INSERT INTO organisations.payment_account (id, organisation_id, ${fields.map((f) => accountColumnOf[f]).join(', ')}, created_at, updated_at)
         VALUES (?, ?, ${fields.map(() => '?').join(', ')}, coalesce(?, now()), coalesce(?, now())) RETURNING ${ACCOUNT}`,
        [data.id ?? randomUUID(), organisationId, ...fields.map((f) => data[f]), data.createdAt ?? null, data.updatedAt ?? null],
      );
      return toPaymentAccount(row);
    },

    /** Writes only what changed; `updated_at` moves only then. */
    async updatePaymentAccount(id: string, changes: Partial<PaymentAccountData>): Promise<PaymentAccountRow> {
      const { set, bindings } = assignments(changes, accountColumnOf);
      const [row] = set
        ? await db.execute<RawRow<typeof paymentAccountColumns>[]>(`UPDATE organisations.payment_account SET ${set}, updated_at = now() WHERE id = ? RETURNING ${ACCOUNT}`, [...bindings, id])
        : await db.execute<RawRow<typeof paymentAccountColumns>[]>(`SELECT ${ACCOUNT} FROM organisations.payment_account WHERE id = ?`, [id]);
      return toPaymentAccount(row);
    },

    /** Deletes the account and returns it as it was, or null when it is already gone. */
    async removePaymentAccount(id: string): Promise<PaymentAccountRow | null> {
      const [row] = await db.execute<RawRow<typeof paymentAccountColumns>[]>(`DELETE FROM organisations.payment_account WHERE id = ? RETURNING ${ACCOUNT}`, [id]);
      return row ? toPaymentAccount(row) : null;
    },

    /** The ids among `ids` that already exist, per table (the demo seed inserts only missing rows). */
    async existing(table: 'contact_person' | 'payment_account', ids: readonly string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db.execute<{ id: string }[]>(`SELECT id FROM organisations.${table === 'contact_person' ? 'contact_person' : 'payment_account'} WHERE id IN (?)`, [[...ids]]);
      return new Set(rows.map((r) => r.id));
    },
  };
}
export type ContactStore = ReturnType<typeof createContactStore>;
