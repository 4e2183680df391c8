import { Migration } from '@mikro-orm/migrations';

/**
 * Unit facts (docs/architecture.md, "Unit facts"): access keeps its own copy of what it needs to
 * know about units and organisations, which the organisations service owns and publishes through
 * its fact outbox. No permission check and no grant validation asks that service anything.
 *
 * - `unit_fact`: per unit its organisation, service, name, whether it is closed, its school forms
 *   (R-ORG-5) and its current offices (R-ORG-3), with the version of the fact it came from: a
 *   fact replaces the row only when its version is higher, so a redelivered or reordered fact
 *   never rolls a newer one back.
 * - `organisation_fact`: per organisation its name (the digest mail, agreements), likewise versioned.
 *
 * Indexes: by organisation (every unit of one, R-USR-3), and by office (which unit an office is of).
 * The permission index is refreshed from these facts as they arrive (permission-index.store.ts);
 * they arrive after this migration, so the index it leaves is unchanged.
 */
export class Migration009UnitFacts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE access.unit_fact (
      unit_id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      service_code text NOT NULL,
      name text NOT NULL,
      closed boolean NOT NULL,
      school_form_codes text[] NOT NULL,
      address_ids uuid[] NOT NULL,
      version bigint NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`);
    this.addSql(`CREATE INDEX unit_fact_organisation_idx ON access.unit_fact (organisation_id, unit_id)`);
    this.addSql(`CREATE INDEX unit_fact_office_idx ON access.unit_fact USING gin (address_ids)`);
    this.addSql(`CREATE TABLE access.organisation_fact (
      organisation_id uuid PRIMARY KEY,
      name text NOT NULL,
      version bigint NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`);
  }
}
