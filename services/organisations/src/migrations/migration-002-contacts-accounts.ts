import { Migration } from '@mikro-orm/migrations';

/**
 * Contact persons and payment accounts (R-ORG-1), and unit names unique per organisation and
 * service (two units called the same would be indistinguishable when granting access).
 */
export class Migration002ContactsAccounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE organisations.contact_person (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations.organisation(id),
      given_name text NOT NULL,
      surname text NOT NULL,
      email text, phone1 text, phone2 text,
      admin_contact boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text NOT NULL)`);
    this.addSql(`CREATE INDEX contact_person_organisation_idx ON organisations.contact_person (organisation_id, surname, given_name)`);
    this.addSql(`CREATE TABLE organisations.payment_account (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations.organisation(id),
      type text NOT NULL CHECK (type IN ('BANKGIRO','PLUSGIRO')),
      number text NOT NULL,
      review_status text NOT NULL DEFAULT 'NOT_REVIEWED' CHECK (review_status IN ('NOT_REVIEWED','REVIEWED','REJECTED')),
      is_default boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text NOT NULL,
      UNIQUE (organisation_id, type, number))`);
    // The database backs "at most one default"; the resolvers make it "exactly one" (R-ORG-1).
    this.addSql(`CREATE UNIQUE INDEX payment_account_one_default_idx ON organisations.payment_account (organisation_id) WHERE is_default`);
    this.addSql(`CREATE UNIQUE INDEX unit_name_unique_idx ON organisations.unit (organisation_id, service_code, lower(name))`);
  }
}
