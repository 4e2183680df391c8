import { Migration } from '@mikro-orm/migrations';

/**
 * Unit facts leave through an outbox (docs/architecture.md, "Unit facts"): the access service keeps
 * its own copy of each unit's organisation, service, name, closed state, school forms and offices,
 * and of each organisation's name, so no permission check asks this service anything.
 *
 * - `fact_version` on units and organisations: bumped (under the row's lock) in every transaction
 *   that publishes a fact, so the versions of one unit's facts grow in commit order.
 * - `unit_fact_outbox`: one whole snapshot per publication, written in the same transaction as the
 *   change; a relay delivers it to access (at least once; access keeps the highest version).
 * - Every unit and organisation that exists now is published once, so access learns them all.
 *
 * The snapshot SQL is written out here as it was when this migration ran (the store's may evolve).
 */
export class Migration003UnitFactOutbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE organisations.unit ADD COLUMN fact_version bigint NOT NULL DEFAULT 0`);
    this.addSql(`ALTER TABLE organisations.organisation ADD COLUMN fact_version bigint NOT NULL DEFAULT 0`);
    this.addSql(`CREATE TABLE organisations.unit_fact_outbox (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      fact jsonb NOT NULL,
      delivered_at timestamptz)`);
    this.addSql(`CREATE INDEX unit_fact_outbox_undelivered_idx ON organisations.unit_fact_outbox (id) WHERE delivered_at IS NULL`);
    this.addSql(`UPDATE organisations.organisation SET fact_version = fact_version + 1`);
    this.addSql(`INSERT INTO organisations.unit_fact_outbox (fact)
      SELECT jsonb_build_object('kind', 'organisation', 'organisationId', o.id, 'name', o.name, 'version', o.fact_version)
        FROM organisations.organisation o ORDER BY o.id`);
    this.addSql(`UPDATE organisations.unit SET fact_version = fact_version + 1`);
    this.addSql(`INSERT INTO organisations.unit_fact_outbox (fact)
      SELECT jsonb_build_object('kind', 'unit', 'unitId', u.id, 'organisationId', u.organisation_id, 'serviceCode', u.service_code,
               'name', u.name, 'closed', u.closed_at IS NOT NULL,
               'schoolFormCodes', coalesce((SELECT jsonb_agg(f.school_form_code ORDER BY f.school_form_code) FROM organisations.unit_school_form f WHERE f.unit_id = u.id), '[]'::jsonb),
               'addressIds', coalesce((SELECT jsonb_agg(a.id ORDER BY a.id) FROM organisations.address a WHERE a.unit_id = u.id), '[]'::jsonb),
               'version', u.fact_version)
        FROM organisations.unit u ORDER BY u.id`);
  }
}
