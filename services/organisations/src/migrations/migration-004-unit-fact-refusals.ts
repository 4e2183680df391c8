import { Migration } from '@mikro-orm/migrations';

/**
 * A unit fact access refuses for what it is (a malformed fact) is held on its own instead of
 * stopping every later fact (docs/operations.md, "Unit facts refused"): `refused_at` says when,
 * `refusal` access's reason (never a value of the fact). The relay reads only rows with neither
 * `delivered_at` nor `refused_at`; an operator re-queues a held row by clearing `refused_at`.
 */
export class Migration004UnitFactRefusals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE organisations.unit_fact_outbox ADD COLUMN refused_at timestamptz, ADD COLUMN refusal text`);
    this.addSql(`CREATE INDEX unit_fact_outbox_held_idx ON organisations.unit_fact_outbox (id) WHERE refused_at IS NOT NULL AND delivered_at IS NULL`);
  }
}
