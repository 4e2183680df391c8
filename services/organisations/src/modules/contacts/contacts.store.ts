import { childrenLoader, defineTable, tableStatements, toDate, type Db, type RawRow } from '@behorig/kit/db';
import { isUuid } from '@behorig/kit/errors';
import { textOrNull, toColumns } from '../shared/db';
import type { AccountReviewStatus, PaymentAccountType } from './rules/payment-account.rules';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const CONTACT_PERSON = defineTable('organisations.contact_person', ['id', 'organisation_id', 'given_name', 'surname', 'email', 'phone1', 'phone2', 'admin_contact', 'created_at', 'updated_at', 'updated_by']);
export const PAYMENT_ACCOUNT = defineTable('organisations.payment_account', ['id', 'organisation_id', 'type', 'number', 'review_status', 'is_default', 'created_at', 'updated_at', 'updated_by']);
export const tables = [CONTACT_PERSON, PAYMENT_ACCOUNT];

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

const toContactPerson = (r: RawRow<typeof CONTACT_PERSON>): ContactPersonRow => ({
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
const toPaymentAccount = (r: RawRow<typeof PAYMENT_ACCOUNT>): PaymentAccountRow => ({
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

const contactColumnOf = { id: 'id', organisationId: 'organisation_id', givenName: 'given_name', surname: 'surname', email: 'email', phone1: 'phone1', phone2: 'phone2', adminContact: 'admin_contact', updatedBy: 'updated_by' } as const;
const accountColumnOf = {
  id: 'id', organisationId: 'organisation_id', type: 'type', number: 'number', reviewStatus: 'review_status', isDefault: 'is_default',
  createdAt: 'created_at', updatedAt: 'updated_at', updatedBy: 'updated_by',
} as const;

/** All SQL of contact persons and payment accounts (R-ORG-1); one statement per DataLoader batch. */
export function createContactStore(db: Db) {
  const contacts = tableStatements(db, CONTACT_PERSON, toContactPerson);
  const accounts = tableStatements(db, PAYMENT_ACCOUNT, toPaymentAccount);
  /** Ids that are not UUIDs name no row; `lock` holds it until the caller's transaction ends. */
  const one = <R>(table: { select(where: string, params: unknown[], tail?: string): Promise<R[]> }) =>
    async (id: string, { lock = false } = {}): Promise<R | null> => (isUuid(id) ? (await table.select('id = ?', [id], lock ? 'FOR UPDATE' : ''))[0] ?? null : null);

  return {
    contactPersonsByOrganisation: childrenLoader<ContactPersonRow>(
      (ids) => contacts.select('organisation_id IN (?)', [[...ids]], 'ORDER BY surname, given_name, id'),
      (c) => c.organisationId,
    ),
    // The default account first, so clients can show it on top without sorting.
    paymentAccountsByOrganisation: childrenLoader<PaymentAccountRow>(
      (ids) => accounts.select('organisation_id IN (?)', [[...ids]], 'ORDER BY is_default DESC, created_at, id'),
      (a) => a.organisationId,
    ),

    contactPerson: one(contacts),
    insertContactPerson: async (organisationId: string, data: ContactPersonData & { id?: string }): Promise<ContactPersonRow> =>
      (await contacts.insert([toColumns({ ...data, organisationId }, contactColumnOf)]))[0],
    /** Writes only what changed; `updated_at` moves only then. */
    updateContactPerson: (id: string, changes: Partial<ContactPersonData>): Promise<ContactPersonRow> => contacts.update(id, toColumns(changes, contactColumnOf)),
    removeContactPerson: contacts.remove,

    paymentAccount: one(accounts),
    /** Every account of the organisation as it is now (not the request's DataLoader, which may be older). */
    paymentAccountsOf: (organisationId: string) => accounts.select('organisation_id = ?', [organisationId]),
    accountNumberTaken: async (organisationId: string, type: PaymentAccountType, number: string, exceptId: string): Promise<boolean> =>
      (await accounts.count('organisation_id = ? AND type = ? AND number = ? AND id <> ?', [organisationId, type, number, exceptId])) > 0,

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
    insertPaymentAccount: async (organisationId: string, data: PaymentAccountData & { id?: string; createdAt?: Date; updatedAt?: Date }): Promise<PaymentAccountRow> =>
      (await accounts.insert([toColumns({ ...data, organisationId }, accountColumnOf)]))[0],
    /** Writes only what changed; `updated_at` moves only then. */
    updatePaymentAccount: (id: string, changes: Partial<PaymentAccountData>): Promise<PaymentAccountRow> => accounts.update(id, toColumns(changes, accountColumnOf)),
    removePaymentAccount: accounts.remove,

    existingContactPersons: contacts.existing,
    existingPaymentAccounts: accounts.existing,
  };
}
export type ContactStore = ReturnType<typeof createContactStore>;
