import { Migration } from '@mikro-orm/migrations';

/** The audit log table. Organisation and person ids refer to other subgraphs: no foreign keys. */
export class Migration001Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE SCHEMA IF NOT EXISTS signing`);
    this.addSql(`CREATE TABLE signing.audit_event (
      id bigserial PRIMARY KEY,
      organisation_id uuid,
      seq integer NOT NULL,
      at timestamptz NOT NULL,
      actor text NOT NULL,
      actor_person_id uuid,
      action text NOT NULL,
      target text NOT NULL,
      before jsonb, after jsonb,
      hash text NOT NULL,
      prev_hash text NOT NULL)`);
    // One chain per organisation (NULL = events with no organisation, their own chain).
    this.addSql(`CREATE UNIQUE INDEX audit_event_chain_uniq ON signing.audit_event (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), seq)`);
    this.addSql(`CREATE INDEX audit_event_org_action_idx ON signing.audit_event (organisation_id, action, seq DESC)`);
  }
}
