import { Migration } from '@mikro-orm/migrations';

/**
 * R-AUDIT-4: signed checkpoints of each organisation's chain.
 * - `audit_chain_head` holds each chain's current head, updated in the same transaction as every
 *   append, and how far it has been checkpointed: the checkpoint job finds the chains that moved
 *   without scanning the log, and claims them with FOR UPDATE SKIP LOCKED (several replicas).
 * - `audit_checkpoint` holds the signed checkpoints themselves, append-only like the log.
 * `chain_key` is the organisation id, or the nil UUID for the chain of events with no organisation.
 */
export class Migration004AuditCheckpoints extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE signing.audit_chain_head (
      chain_key uuid PRIMARY KEY,
      organisation_id uuid,
      seq integer NOT NULL,
      hash text NOT NULL,
      checkpointed_seq integer NOT NULL DEFAULT 0)`);
    this.addSql(`CREATE INDEX audit_chain_head_due_idx ON signing.audit_chain_head (chain_key) WHERE seq > checkpointed_seq`);
    this.addSql(`INSERT INTO signing.audit_chain_head (chain_key, organisation_id, seq, hash)
      SELECT DISTINCT ON (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid))
        coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), organisation_id, seq, hash
      FROM signing.audit_event
      ORDER BY coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), seq DESC`);

    this.addSql(`CREATE TABLE signing.audit_checkpoint (
      id bigserial PRIMARY KEY,
      organisation_id uuid,
      seq integer NOT NULL,
      hash text NOT NULL,
      at timestamptz NOT NULL,
      kid text NOT NULL,
      jws text NOT NULL)`);
    this.addSql(`CREATE UNIQUE INDEX audit_checkpoint_chain_uniq ON signing.audit_checkpoint (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), seq)`);
    this.addSql(`CREATE TRIGGER audit_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON signing.audit_checkpoint
      FOR EACH ROW EXECUTE FUNCTION signing.refuse_audit_change()`);
    this.addSql(`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON signing.audit_checkpoint
      FOR EACH STATEMENT EXECUTE FUNCTION signing.refuse_audit_change()`);
  }
}
