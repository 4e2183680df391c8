import { Migration } from '@mikro-orm/migrations';

/** Organisations, the service and school-form catalogues, units with addresses, and the audit outbox. */
export class Migration001Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE SCHEMA IF NOT EXISTS organisations`);
    this.addSql(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    this.addSql(`CREATE TABLE organisations.organisation (
      id uuid PRIMARY KEY,
      org_number text NOT NULL UNIQUE,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('AUTHORITY','MUNICIPALITY','SUPPLIER','EDUCATION_PROVIDER')),
      postal_address text, phone text, fax text, website text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // Name ordering for the connection; trigram index for "search name or number".
    this.addSql(`CREATE INDEX organisation_name_idx ON organisations.organisation (name, id)`);
    this.addSql(`CREATE INDEX organisation_search_idx ON organisations.organisation USING gin ((lower(name) || ' ' || org_number) public.gin_trgm_ops)`);
    this.addSql(`CREATE TABLE organisations.service (code text PRIMARY KEY, name text NOT NULL)`);
    this.addSql(`CREATE TABLE organisations.school_form (code text PRIMARY KEY, name text NOT NULL)`);
    this.addSql(`CREATE TABLE organisations.unit (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations.organisation(id),
      service_code text NOT NULL REFERENCES organisations.service(code),
      name text NOT NULL,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    this.addSql(`CREATE INDEX unit_organisation_idx ON organisations.unit (organisation_id, service_code)`);
    this.addSql(`CREATE TABLE organisations.unit_school_form (
      unit_id uuid NOT NULL REFERENCES organisations.unit(id),
      school_form_code text NOT NULL REFERENCES organisations.school_form(code),
      PRIMARY KEY (unit_id, school_form_code))`);
    this.addSql(`CREATE TABLE organisations.address (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES organisations.unit(id),
      street text NOT NULL, postal_code text NOT NULL, city text NOT NULL)`);
    this.addSql(`CREATE INDEX address_unit_idx ON organisations.address (unit_id)`);
    this.addSql(`CREATE TABLE organisations.outbox_event (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      organisation_id uuid,
      action text NOT NULL,
      target text NOT NULL,
      before jsonb, after jsonb,
      delivered_at timestamptz)`);
    this.addSql(`CREATE INDEX outbox_undelivered_idx ON organisations.outbox_event (id) WHERE delivered_at IS NULL`);
    this.addSql(`INSERT INTO organisations.school_form (code, name) VALUES
      ('KOMVUX_GRUNDLAGGANDE','Komvux grundläggande'), ('KOMVUX_GYMNASIAL','Komvux gymnasial'), ('SFI','SFI'), ('SARVUX','Särvux')`);
    this.addSql(`INSERT INTO organisations.service (code, name) VALUES
      ('UTBILDNINGSKONTRAKT','Utbildningskontrakt'), ('RUSTA_OCH_MATCHA','Rusta och matcha'), ('KOMVUX','Komvux')`);
  }
}
