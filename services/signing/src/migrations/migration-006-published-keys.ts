import { Migration } from '@mikro-orm/migrations';

/**
 * Key rotation without losing evidence: every public key this service ever signed with is kept
 * here and published in the JWKS for good (receipts and audit checkpoints must verify forever),
 * so the table is append-only like the audit log. A replica publishes its key at start-up,
 * before it signs anything.
 */
export class Migration006PublishedKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE signing.published_key (
      kid text PRIMARY KEY,
      jwk jsonb NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now())`);
    this.addSql(`CREATE TRIGGER published_key_no_update_delete BEFORE UPDATE OR DELETE ON signing.published_key
      FOR EACH ROW EXECUTE FUNCTION signing.refuse_audit_change()`);
    this.addSql(`CREATE TRIGGER published_key_no_truncate BEFORE TRUNCATE ON signing.published_key
      FOR EACH STATEMENT EXECUTE FUNCTION signing.refuse_audit_change()`);
  }
}
